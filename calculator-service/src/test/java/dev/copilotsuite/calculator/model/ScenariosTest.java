package dev.copilotsuite.calculator.model;

import static dev.copilotsuite.calculator.model.Figures.assertFigure;
import static dev.copilotsuite.calculator.model.Figures.assertRelative;
import static dev.copilotsuite.calculator.model.Figures.defaultsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.copilotsuite.events.calculator.BucketSet;
import dev.copilotsuite.events.calculator.ChangeOp;
import dev.copilotsuite.events.calculator.FieldChange;
import dev.copilotsuite.events.calculator.OutputDiff;
import dev.copilotsuite.events.calculator.RoiInputs;
import dev.copilotsuite.events.calculator.RoiOutputs;
import dev.copilotsuite.events.calculator.ScenarioResult;
import dev.copilotsuite.events.calculator.Strategy;

class ScenariosTest {

    private static final RoiInputs DEFAULTS = Defaults.inputs();

    private static OutputDiff diff(ScenarioResult result, String key, String bucket) {
        return result.diffs().stream()
                .filter(d -> d.key().equals(key) && Objects.equals(d.bucket(), bucket))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no diff of " + bucket + "." + key));
    }

    @Test
    void bucket1ToAiAugmentedGivesTheWorkedFiguresAndTheirDiffs() {
        ScenarioResult result = Scenarios.run(DEFAULTS, List.of(ChangeOp.strategy("bucket1", Strategy.AI_AUGMENTED)));

        assertEquals(Strategy.AI_AUGMENTED, result.inputs().buckets().bucket1().strategy());
        assertFigure(3751678.337587, result.outputs().netRecovery(), "netRecovery");
        assertEquals(List.of(new FieldChange("buckets.bucket1.strategy", "HUMAN", "AI_AUGMENTED")), result.changes());

        OutputDiff utilization = diff(result, "utilization", null);
        assertFigure(0.761770, utilization.before(), "before");
        assertFigure(0.608759, utilization.after(), "after");
        assertEquals(utilization.after() - utilization.before(), utilization.absolute());
        assertEquals(utilization.absolute() / utilization.before(), utilization.relative());
        // From the spec's rounded figures, whose rounding a ratio minus 1 magnifies about fourfold.
        assertRelative(0.608759 / 0.761770 - 1, utilization.relative(), 1e-5, "relative");

        OutputDiff net = diff(result, "netRecovery", null);
        assertFigure(335286.220797, net.absolute(), "netRecovery absolute");
        assertFigure(335286.220797 / 3416392.116790, net.relative(), "netRecovery relative");

        OutputDiff bucketMinutes = diff(result, "humanMinutes", "bucket1");
        assertFigure(66786.944256, bucketMinutes.before(), "bucket1 humanMinutes before");
    }

    @Test
    void aMoveAwayFromZeroOrNullHasNoRelativeChange() {
        ScenarioResult result = Scenarios.run(DEFAULTS, List.of(ChangeOp.strategy("bucket1", Strategy.AI_AUGMENTED)));

        OutputDiff aiCost = diff(result, "aiCost", null);
        assertEquals(0.0, aiCost.before());
        assertFigure(21653.958520, aiCost.absolute(), "aiCost absolute");
        assertNull(aiCost.relative());

        OutputDiff payback = diff(result, "paybackMonths", null);
        assertNull(payback.before());
        assertFigure(0.745632, payback.after(), "paybackMonths after");
        assertNull(payback.absolute());
        assertNull(payback.relative());
    }

    @Test
    void anOutputThatBecomesNullIsListed() {
        ScenarioResult result = Scenarios.run(DEFAULTS, List.of(ChangeOp.set("humanAgents", 0)));
        OutputDiff peak = diff(result, "peakUtilization", null);
        assertFigure(1.142656, peak.before(), "peakUtilization before");
        assertNull(peak.after());
        assertNull(peak.absolute());
    }

    @Test
    void relativeChangeIsARiseWhenANegativeFigureRises() {
        RoiInputs overstaffed = defaultsWith(ChangeOp.set("humanAgents", 1000));
        ScenarioResult result = Scenarios.run(overstaffed, List.of(ChangeOp.set("humanAgents", 900)));
        OutputDiff net = diff(result, "netRecovery", null);
        assertTrue(net.before() < 0 && net.after() > net.before(), net.toString());
        assertTrue(net.relative() > 0, "a rise of a loss is a positive relative change: " + net);
        assertFigure(net.absolute() / -net.before(), net.relative(), "relative");
    }

    @Test
    void everyMovedOutputIsListedAndNoOther() {
        List<List<ChangeOp>> batches = List.of(
                List.of(ChangeOp.strategy("bucket1", Strategy.AI_AUGMENTED)),
                List.of(ChangeOp.strategy("bucket4", Strategy.AI_FIRST), ChangeOp.scale("aiCostPerMinute", 2)),
                List.of(ChangeOp.set("humanAgents", 0)),
                List.of(ChangeOp.add("buckets.bucket3.promiseRate", 0.05)),
                List.of(ChangeOp.set("rent", 0)));
        for (List<ChangeOp> ops : batches) {
            ScenarioResult result = Scenarios.run(DEFAULTS, ops);
            Set<String> listed = new HashSet<>();
            result.diffs().forEach(d -> listed.add(d.bucket() + "." + d.key()));
            assertEquals(movedComponents(RoiModel.evaluate(DEFAULTS), result.outputs()), listed, ops.toString());
        }
    }

    /** The outputs that differ, read from the records' components, independently of OutputCatalog. */
    private static Set<String> movedComponents(RoiOutputs before, RoiOutputs after) {
        Set<String> moved = new HashSet<>();
        for (RecordComponent c : RoiOutputs.class.getRecordComponents()) {
            if (c.getName().equals("buckets")) {
                continue;
            }
            if (differs(RoiModelTest.component(before, c.getName()), RoiModelTest.component(after, c.getName()))) {
                moved.add("null." + c.getName());
            }
        }
        for (String bucket : BucketSet.NAMES) {
            Record b = before.buckets().get(bucket);
            Record a = after.buckets().get(bucket);
            for (RecordComponent c : b.getClass().getRecordComponents()) {
                if (differs(RoiModelTest.component(b, c.getName()), RoiModelTest.component(a, c.getName()))) {
                    moved.add(bucket + "." + c.getName());
                }
            }
        }
        return moved;
    }

    private static boolean differs(Object before, Object after) {
        if (before == null || after == null) {
            return before != after;
        }
        return ((Double) before).doubleValue() != ((Double) after).doubleValue();
    }

    @Test
    void anEmptyBatchMovesNothing() {
        ScenarioResult result = Scenarios.run(DEFAULTS, List.of());
        assertEquals(DEFAULTS, result.inputs());
        assertEquals(List.of(), result.changes());
        assertEquals(List.of(), result.diffs());
    }

    @Test
    void anInvalidBatchIsRejectedAsAChangeWouldBe() {
        List<ChangeOp> ops = List.of(ChangeOp.set("humanAgents", 40),
                ChangeOp.scale("buckets.bucket2.contactRate", 10));
        ChangeRejectedException expected = assertThrows(ChangeRejectedException.class,
                () -> ChangeApplier.apply(DEFAULTS, ops));
        ChangeRejectedException actual = assertThrows(ChangeRejectedException.class,
                () -> Scenarios.run(DEFAULTS, ops));
        assertEquals(ChangeRejectedException.OUT_OF_BOUNDS, actual.code());
        assertEquals(expected.getMessage(), actual.getMessage());
        assertEquals(expected.path(), actual.path());

        assertEquals(ChangeRejectedException.UNKNOWN_INPUT, assertThrows(ChangeRejectedException.class,
                () -> Scenarios.run(DEFAULTS, List.of(ChangeOp.set("buckets.bucket9.accounts", 1)))).code());
    }

    @Test
    void theGivenInputsAreLeftAsTheyWere() {
        RoiInputs current = defaultsWith(ChangeOp.set("humanAgents", 25));
        RoiInputs copy = InputsCopy.of(current);
        Scenarios.run(current, List.of(ChangeOp.set("humanAgents", 40),
                ChangeOp.strategy("bucket2", Strategy.AI_FIRST)));
        assertEquals(copy, current);
        assertEquals(25, current.humanAgents());
        assertEquals(Strategy.HUMAN, current.buckets().bucket2().strategy());
    }
}
