package dev.copilotsuite.calculator.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonStructure;
import jakarta.json.spi.JsonProvider;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.copilotsuite.events.calculator.CalculatorState;
import dev.copilotsuite.events.calculator.JsonPatchOp;
import dev.copilotsuite.events.calculator.RoiOutputs;

/**
 * The state patch built from the records' fields is the patch the JSON text round trip made (each state written
 * with Jackson, parsed by JSON-P, diffed, the patch written and read back by Jackson): op for op, with values of
 * the same Java type, on thousands of random state pairs, and serialised to the same JSON.
 */
class StatePatchesTest {

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<List<JsonPatchOp>> OPS = new TypeReference<>() {
    };

    private final StatePatches patches = new StatePatches();

    @Test
    void randomPairsPatchAsTheTextRoundTripDid() throws Exception {
        for (long seed = 0; seed < 3000; seed++) {
            RandomStates random = new RandomStates(seed);
            CalculatorState from = random.any();
            CalculatorState to = seed % 10 == 0 ? random.any() : random.near(from);
            assertSame(from, to, patches.between(from, to), "seed " + seed);
        }
    }

    @Test
    void modelChangesInABatchPatchAsTheTextRoundTripDid() throws Exception {
        for (long seed = 0; seed < 50; seed++) {
            RandomStates random = new RandomStates(seed);
            StatePatches.Batch batch = patches.batch();
            CalculatorState state = RandomStates.defaults();
            int nonEmpty = 0;
            for (int n = 0; n < 40; n++) {
                CalculatorState next = random.changed(state);
                List<JsonPatchOp> patch = batch.between(state, next);
                assertSame(state, next, patch, "seed " + seed + ", change " + n);
                nonEmpty += patch.size() > 1 ? 1 : 0;
                state = next;
            }
            assertTrue(nonEmpty > 20, "the changes changed something");
        }
    }

    @Test
    void aStateIsItsOwnEmptyPatchButForTheVersion() {
        CalculatorState state = RandomStates.defaults();
        CalculatorState same = new CalculatorState(state.sessionId(), 1, state.inputs(), state.outputs());
        assertEquals(List.of(new JsonPatchOp("replace", "/version", 1, null)), patches.between(state, same));
    }

    @Test
    void nonFiniteNumbersPatchAsTheTextRoundTripDid() throws Exception {
        CalculatorState state = RandomStates.defaults();
        for (double odd : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            RoiOutputs o = state.outputs();
            RoiOutputs broken = new RoiOutputs(odd, o.totalRecovered(), o.recoveryRate(), o.humanMinutes(),
                    o.capacityMinutes(), o.utilization(), odd, o.serviceLevel(), o.fteRequired(), o.humanCost(),
                    o.facilityCost(), o.aiCost(), o.aiMinutes(), o.totalCost(), o.netRecovery(), o.roi(), o.costToCollect(),
                    o.baselineNetRecovery(), o.incrementalNetRecovery(), o.paybackMonths(), o.aiAnnualRoi(), o.buckets());
            CalculatorState next = new CalculatorState(state.sessionId(), 1, state.inputs(), broken);
            assertSame(state, next, patches.between(state, next), "with " + odd);
            assertSame(next, state, patches.between(next, state), "from " + odd);
        }
    }

    private static void assertSame(CalculatorState from, CalculatorState to, List<JsonPatchOp> patch, String what)
            throws JsonProcessingException {
        List<JsonPatchOp> expected = textRoundTrip(from, to);
        assertEquals(expected, patch, what);
        assertEquals(types(expected), types(patch), what);
        assertEquals(MAPPER.writeValueAsString(expected), MAPPER.writeValueAsString(patch), what);
    }

    private static List<String> types(List<JsonPatchOp> ops) {
        List<String> types = new ArrayList<>();
        ops.forEach(op -> types.add(op.value() == null ? "null" : op.value().getClass().getName()));
        return types;
    }

    /** The former implementation, kept as the reference. */
    private static List<JsonPatchOp> textRoundTrip(CalculatorState from, CalculatorState to) throws JsonProcessingException {
        String patch = JSON.createDiff(document(from), document(to)).toJsonArray().toString();
        return MAPPER.readValue(patch, OPS);
    }

    private static JsonStructure document(CalculatorState state) throws JsonProcessingException {
        String json = MAPPER.writeValueAsString(new Document(state.version(), state.inputs(), state.outputs()));
        try (var reader = JSON.createReader(new StringReader(json))) {
            return reader.read();
        }
    }

    private record Document(long version, Object inputs, Object outputs) {
    }
}
