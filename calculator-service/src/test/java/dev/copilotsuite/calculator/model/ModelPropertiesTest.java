package dev.copilotsuite.calculator.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import dev.copilotsuite.calculator.model.ChangeApplier.Applied;
import dev.copilotsuite.events.calculator.BucketOutputs;
import dev.copilotsuite.events.calculator.ChangeOp;
import dev.copilotsuite.events.calculator.ChangeOp.Kind;
import dev.copilotsuite.events.calculator.DriversView.RecoveryFactors;
import dev.copilotsuite.events.calculator.FieldChange;
import dev.copilotsuite.events.calculator.GoalSeekResult;
import dev.copilotsuite.events.calculator.InputDef;
import dev.copilotsuite.events.calculator.RoiInputs;
import dev.copilotsuite.events.calculator.RoiOutputs;
import dev.copilotsuite.events.calculator.ScenarioResult;
import dev.copilotsuite.events.calculator.Strategy;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.DoubleRange;

/** Properties of the model over random inputs within the catalog's bounds. */
class ModelPropertiesTest {

    private static final List<InputDef> INPUTS = InputCatalog.all();
    /** Decimal places of a generated input. */
    private static final int SCALE = 4;

    /** A change op before it meets a state: set, scale or add towards a point of the input's range, u ∈ [0, 1]. */
    record OpSpec(int input, Kind kind, double u, Strategy strategy) {
    }

    @Property
    void aScenarioNeverChangesTheInputsItWasGiven(@ForAll("inputs") RoiInputs in,
            @ForAll("batches") List<OpSpec> batch) {
        RoiInputs copy = InputsCopy.of(in);
        RoiOutputs outputs = RoiModel.evaluate(in);
        List<ChangeOp> ops = ops(in, batch);

        ScenarioResult result = Scenarios.run(in, ops);

        assertEquals(copy, in);
        assertEquals(outputs, RoiModel.evaluate(in));
        assertEquals(ChangeApplier.apply(in, ops).inputs(), result.inputs());
        assertEquals(RoiModel.evaluate(result.inputs()), result.outputs());
    }

    @Property
    void moreAgentsNeverLowerTheServiceLevel(@ForAll("inputs") RoiInputs in,
            @ForAll @DoubleRange(min = 0, max = 100000) double more) {
        double agents = Math.min(100000, in.humanAgents() + more);
        RoiInputs staffed = ChangeApplier.apply(in, List.of(ChangeOp.set("humanAgents", agents))).inputs();
        double before = RoiModel.evaluate(in).serviceLevel();
        double after = RoiModel.evaluate(staffed).serviceLevel();
        assertTrue(after >= before, "serviceLevel fell from " + before + " to " + after + " at " + agents + " agents");
    }

    @Property
    void undoRestoresTheInputsExactly(@ForAll("inputs") RoiInputs in, @ForAll("batches") List<OpSpec> batch) {
        Applied applied = ChangeApplier.apply(in, ops(in, batch));
        List<ChangeOp> inverse = new ArrayList<>();
        for (FieldChange change : applied.changes()) {
            inverse.add(0, change.before() instanceof String strategy
                    ? new ChangeOp(Kind.STRATEGY, change.path(), strategy)
                    : ChangeOp.set(change.path(), ((Number) change.before()).doubleValue()));
        }
        Applied undone = ChangeApplier.apply(applied.inputs(), inverse);
        assertEquals(in, undone.inputs());
        assertEquals(applied.changes().size(), undone.changes().size());
    }

    @Property
    void theRecoveryFactorsMultiplyToTheRecoveryRate(@ForAll("inputs") RoiInputs in) {
        RoiOutputs out = RoiModel.evaluate(in);
        List<RecoveryFactors> factors = Drivers.of(in).recoveryFactors();
        for (int i = 0; i < factors.size(); i++) {
            BucketOutputs b = out.buckets().values().get(i);
            RecoveryFactors f = factors.get(i);
            if (b.balance() == 0) {
                continue;
            }
            // 1e-300 absolute only for subnormal rates, whose own precision is below 1e-9.
            double tolerance = 1e-9 * Math.abs(b.recoveryRate()) + 1e-300;
            assertTrue(Math.abs(f.product() - b.recoveryRate()) <= tolerance,
                    f.bucket() + ": product " + f.product() + " but recoveryRate " + b.recoveryRate());
            if (b.conversations() > 0) {
                double perConversation = b.promises() / b.conversations();
                assertTrue(Math.abs(f.effectivePromiseRate() - perConversation) <= 1e-9 * perConversation + 1e-300,
                        f.bucket() + ": " + f.effectivePromiseRate() + " against " + perConversation);
            }
        }
    }

    @Property
    void noFigureIsNaNOrInfinite(@ForAll("inputs") RoiInputs in, @ForAll("batches") List<OpSpec> batch) {
        assertFinite(RoiModel.evaluate(in), "outputs");
        assertFinite(Drivers.of(in), "drivers");
        assertFinite(Scenarios.run(in, ops(in, batch)), "scenario");
    }

    @Property(tries = 200)
    void agentsForAFullPeakAreTheClosedForm(@ForAll("inputs") RoiInputs in) {
        RoiOutputs out = RoiModel.evaluate(in);
        double fte = out.humanMinutes() * in.peakFactor() / RoiModel.perFte(in);
        // Below a thousandth of an FTE the search's geometric grid (from 1e-9 of 100000) is too coarse to bracket.
        if (fte < 1e-3) {
            return;
        }
        GoalSeekResult result = GoalSeek.seek(in, "humanAgents", "peakUtilization", 1.0);
        if (fte <= 100000) {
            assertTrue(result.reached(), result.message());
            assertTrue(Math.abs(result.value() - fte) <= 1e-6 * fte, result.value() + " against " + fte);
        } else {
            assertFalse(result.reached(), result.message());
            assertEquals(100000, result.value());
            assertTrue(result.achieved() > 1, result.message());
        }
    }

    @Provide
    Arbitrary<RoiInputs> inputs() {
        List<Arbitrary<Object>> values = INPUTS.stream().map(ModelPropertiesTest::values).toList();
        return Combinators.combine(values).as(vs -> {
            RoiInputs in = Defaults.inputs();
            for (int i = 0; i < INPUTS.size(); i++) {
                in = InputCatalog.with(in, INPUTS.get(i), vs.get(i));
            }
            return in;
        });
    }

    /** Anywhere within the bounds, or, more often, within half of the default either side. */
    private static Arbitrary<Object> values(InputDef def) {
        if (def.isStrategy()) {
            return Arbitraries.of(def.values()).map(v -> v);
        }
        if (def.integer()) {
            return Arbitraries.integers().between(def.min().intValue(), def.max().intValue()).map(Integer::doubleValue);
        }
        double around = ((Number) def.defaultValue()).doubleValue();
        Arbitrary<Double> anywhere = Arbitraries.doubles().between(def.min(), def.max()).ofScale(SCALE);
        // jqwik wants the range's ends in the scale of its values: 0.45 / 2 is 0.22499999999999998.
        double low = BigDecimal.valueOf(Math.max(def.min(), around / 2)).setScale(SCALE, RoundingMode.CEILING)
                .doubleValue();
        double high = BigDecimal.valueOf(Math.min(def.max(), around * 1.5)).setScale(SCALE, RoundingMode.FLOOR)
                .doubleValue();
        Arbitrary<Double> nearDefault = Arbitraries.doubles().between(low, high).ofScale(SCALE);
        return Arbitraries.frequencyOf(Tuple.of(1, anywhere), Tuple.of(3, nearDefault)).map(v -> v);
    }

    @Provide
    Arbitrary<List<OpSpec>> batches() {
        return Combinators.combine(Arbitraries.integers().between(0, INPUTS.size() - 1),
                Arbitraries.of(Kind.SET, Kind.SCALE, Kind.ADD), Arbitraries.doubles().between(0, 1).ofScale(6),
                Arbitraries.of(Strategy.class)).as(OpSpec::new).list().ofMaxSize(8);
    }

    /** The specs as ops that stay within the bounds, each computed on the state the ones before it leave. */
    private static List<ChangeOp> ops(RoiInputs in, List<OpSpec> specs) {
        List<ChangeOp> ops = new ArrayList<>();
        RoiInputs state = in;
        for (OpSpec spec : specs) {
            ChangeOp op = op(state, INPUTS.get(spec.input()), spec);
            ops.add(op);
            state = ChangeApplier.apply(state, List.of(op)).inputs();
        }
        return ops;
    }

    private static ChangeOp op(RoiInputs state, InputDef def, OpSpec spec) {
        if (def.isStrategy()) {
            return new ChangeOp(Kind.STRATEGY, def.path(), spec.strategy().name());
        }
        double target = def.min() + spec.u() * (def.max() - def.min());
        if (def.integer()) {
            target = Math.rint(target);
        }
        double current = ((Number) InputCatalog.valueOf(state, def)).doubleValue();
        double factor = target / current;
        return switch (spec.kind()) {
            case ADD -> ChangeOp.add(def.path(), target - current);
            // From 0 no factor reaches the target: set it.
            case SCALE -> Double.isFinite(factor) ? ChangeOp.scale(def.path(), factor)
                    : ChangeOp.set(def.path(), target);
            default -> ChangeOp.set(def.path(), target);
        };
    }

    /** Every number in a record, its nested records and lists, is finite. */
    private static void assertFinite(Object value, String where) {
        if (value instanceof Double d) {
            if (!Double.isFinite(d)) {
                fail(where + " is " + d);
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                assertFinite(list.get(i), where + "[" + i + "]");
            }
        } else if (value instanceof Record record) {
            for (RecordComponent c : record.getClass().getRecordComponents()) {
                assertFinite(RoiModelTest.component(record, c.getName()), where + "." + c.getName());
            }
        }
    }
}
