package dev.copilotsuite.calculator.model;

import static dev.copilotsuite.calculator.model.Figures.assertFigure;
import static dev.copilotsuite.calculator.model.Figures.assertRelative;
import static dev.copilotsuite.calculator.model.Figures.defaultsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.copilotsuite.events.calculator.ChangeOp;
import dev.copilotsuite.events.calculator.GoalSeekResult;
import dev.copilotsuite.events.calculator.RoiInputs;
import dev.copilotsuite.events.calculator.RoiOutputs;

class GoalSeekTest {

    private static final RoiInputs DEFAULTS = Defaults.inputs();
    private static final RoiOutputs DEFAULT_OUTPUTS = RoiModel.evaluate(DEFAULTS);

    private static void assertMessageHas(GoalSeekResult result, String... parts) {
        for (String part : parts) {
            assertTrue(result.message().contains(part), "'" + part + "' not in: " + result.message());
        }
    }

    @Test
    void agentsForAPeakOf100Percent() {
        GoalSeekResult result = GoalSeek.seek(DEFAULTS, "humanAgents", "peakUtilization", 1.0);
        // humanMinutes * peakFactor / perFte = 163171.214674 * 1.5 / (140 * 60 * 0.85)
        assertTrue(result.reached());
        assertFigure(163171.214674 * 1.5 / 7140, result.value(), "humanAgents");
        assertFigure(34.279667, result.value(), "humanAgents");
        assertRelative(1.0, result.achieved(), 1e-6, "peakUtilization");
        assertEquals("humanAgents", result.inputPath());
        assertEquals("peakUtilization", result.outputKey());
        assertMessageHas(result, "34.2797", "100%", "114%");
    }

    @Test
    void agentsForAnAverageUtilizationOf100PercentAreTheFteRequired() {
        GoalSeekResult result = GoalSeek.seek(DEFAULTS, "humanAgents", "utilization", 1.0);
        assertTrue(result.reached());
        assertFigure(22.853111, result.value(), "humanAgents");
    }

    @Test
    void aDecreasingOutputIsSoughtDownwards() {
        GoalSeekResult result = GoalSeek.seek(DEFAULTS, "humanAgents", "peakUtilization", 2.0);
        assertTrue(result.reached());
        assertFigure(163171.214674 * 1.5 / 7140 / 2, result.value(), "humanAgents");
    }

    @Test
    void aBucketOutputThroughABucketInput() {
        GoalSeekResult result = GoalSeek.seek(DEFAULTS, "buckets.bucket3.promiseRate", "buckets.bucket3.recoveryRate",
                0.10);
        assertTrue(result.reached());
        // recoveryRate is proportional to promiseRate
        double rate = DEFAULT_OUTPUTS.buckets().bucket3().recoveryRate();
        assertRelative(0.30 * 0.10 / rate, result.value(), 1e-6, "promiseRate");
        assertRelative(0.10, result.achieved(), 1e-6, "recoveryRate");
        assertMessageHas(result, "Recovery rate in bucket 3", "10%");
    }

    @Test
    void anUnreachableTargetEndsAtTheBoundThatComesClosest() {
        GoalSeekResult result = GoalSeek.seek(DEFAULTS, "humanAgents", "peakUtilization", 0.0001);
        assertFalse(result.reached());
        assertEquals(100000, result.value());
        assertFigure(163171.214674 * 1.5 / (100000 * 7140.0), result.achieved(), "peakUtilization at 100000");
        // Whole percents would say 0% for both; the figures are shown to four digits instead.
        assertMessageHas(result, "cannot reach 0.01%", "even at 100000 (its upper bound)", "stays above",
                "0.03428%");
    }

    @Test
    void anUnreachableTargetAtTheLowerBound() {
        GoalSeekResult result = GoalSeek.seek(DEFAULTS, "peakFactor", "peakUtilization", 0.5);
        assertFalse(result.reached());
        assertEquals(1, result.value());
        assertFigure(0.761770, result.achieved(), "utilization with no peak");
        assertMessageHas(result, "even at 1 (its lower bound)", "stays above", "76%", "50%");
    }

    @Test
    void anUnreachableTargetBeyondAnExtremumEndsAtTheExtremum() {
        // Net recovery rises with agents until the peak is served (34.28 agents), then falls by their cost.
        GoalSeekResult result = GoalSeek.seek(DEFAULTS, "humanAgents", "netRecovery", 5e6);
        assertFalse(result.reached());
        assertRelative(163171.214674 * 1.5 / 7140, result.value(), 1e-6, "humanAgents at the maximum");
        double best = RoiModel.evaluate(defaultsWith(ChangeOp.set("humanAgents", result.value()))).netRecovery();
        assertEquals(best, result.achieved());
        for (double agents : new double[] {30, 34, 34.5, 40}) {
            double net = RoiModel.evaluate(defaultsWith(ChangeOp.set("humanAgents", agents))).netRecovery();
            assertTrue(net <= best, agents + " agents net " + net + " above the maximum " + best);
        }
        assertMessageHas(result, "cannot reach $5.00M", "comes closest at 34.2797", "$3.53M");
    }

    @Test
    void ofTwoAnswersTheOneNearerTheCurrentValueIsGiven() {
        // 3.4M is crossed on the way up (below 30 agents) and again on the way down (about 60 agents).
        GoalSeekResult result = GoalSeek.seek(DEFAULTS, "humanAgents", "netRecovery", 3.4e6);
        assertTrue(result.reached());
        assertTrue(result.value() > 29 && result.value() < 30, "value " + result.value());
        assertRelative(3.4e6, result.achieved(), 1e-6, "netRecovery");

        RoiInputs overstaffed = defaultsWith(ChangeOp.set("humanAgents", 80));
        GoalSeekResult fromAbove = GoalSeek.seek(overstaffed, "humanAgents", "netRecovery", 3.4e6);
        assertTrue(fromAbove.value() > 55 && fromAbove.value() < 65, "value " + fromAbove.value());
    }

    @Test
    void breakEvenIsATargetOfZero() {
        GoalSeekResult result = GoalSeek.seek(DEFAULTS, "humanAgents", "netRecovery", 0);
        assertTrue(result.reached());
        assertTrue(Math.abs(result.achieved()) < 1e-3, "netRecovery " + result.achieved());
    }

    @Test
    void theCurrentValueIsTheAnswerWhenTheTargetIsMetAlready() {
        GoalSeekResult result = GoalSeek.seek(DEFAULTS, "humanAgents", "peakUtilization",
                DEFAULT_OUTPUTS.peakUtilization());
        assertTrue(result.reached());
        assertEquals(30, result.value());
        assertMessageHas(result, "already");
    }

    @Test
    void aWholeNumberInputGivesAWholeNumberAtTheNearerOfTheTwoThatStraddleTheTarget() {
        double at9 = bucket3RecoveryRateWithAttempts(9);
        double at10 = bucket3RecoveryRateWithAttempts(10);
        double target = at9 + 0.75 * (at10 - at9);
        GoalSeekResult result = GoalSeek.seek(DEFAULTS, "buckets.bucket3.attemptsPerAccount",
                "buckets.bucket3.recoveryRate", target);
        assertTrue(result.reached());
        assertEquals(10, result.value());
        assertEquals(at10, result.achieved());
        assertMessageHas(result, "between 9 (", "and 10 (", "10 comes closest");

        GoalSeekResult nearer9 = GoalSeek.seek(DEFAULTS, "buckets.bucket3.attemptsPerAccount",
                "buckets.bucket3.recoveryRate", at9 + 0.25 * (at10 - at9));
        assertEquals(9, nearer9.value());
    }

    @Test
    void aWholeNumberThatHitsTheTargetExactlyIsFound() {
        double at12 = bucket3RecoveryRateWithAttempts(12);
        GoalSeekResult result = GoalSeek.seek(DEFAULTS, "buckets.bucket3.attemptsPerAccount",
                "buckets.bucket3.recoveryRate", at12);
        assertTrue(result.reached());
        assertEquals(12, result.value());
        assertMessageHas(result, "Setting Dial attempts allowed per account in bucket 3 to 12 (from 8)");
    }

    @Test
    void aWholeNumberInputThatCannotReachStopsAtItsBound() {
        GoalSeekResult result = GoalSeek.seek(DEFAULTS, "buckets.bucket3.attemptsPerAccount",
                "buckets.bucket3.recoveryRate", 0.5);
        assertFalse(result.reached());
        assertEquals(100, result.value());
        assertEquals(bucket3RecoveryRateWithAttempts(100), result.achieved());
        assertMessageHas(result, "even at 100 (its upper bound)", "stays below");
    }

    private static double bucket3RecoveryRateWithAttempts(int attempts) {
        return RoiModel.evaluate(defaultsWith(ChangeOp.set("buckets.bucket3.attemptsPerAccount", attempts)))
                .buckets().bucket3().recoveryRate();
    }

    @Test
    void anOutputUndefinedEverywhereHasNoValue() {
        // Without AI there is no payback, whatever the staffing.
        GoalSeekResult result = GoalSeek.seek(DEFAULTS, "humanAgents", "paybackMonths", 3);
        assertFalse(result.reached());
        assertNull(result.value());
        assertNull(result.achieved());
        assertMessageHas(result, "not defined");
    }

    @Test
    void anOutputUndefinedAtABoundIsSoughtAroundIt() {
        // peakUtilization is null at 0 agents; a huge peak is still reached just above 0.
        GoalSeekResult result = GoalSeek.seek(DEFAULTS, "humanAgents", "peakUtilization", 1000);
        assertTrue(result.reached());
        assertFigure(163171.214674 * 1.5 / 7140 / 1000, result.value(), "humanAgents");
    }

    @Test
    void theGivenInputsAreLeftAsTheyWere() {
        RoiInputs current = defaultsWith(ChangeOp.set("humanAgents", 25));
        RoiInputs copy = InputsCopy.of(current);
        GoalSeek.seek(current, "humanAgents", "peakUtilization", 1.0);
        assertEquals(copy, current);
    }

    @Test
    void unknownInputsAndOutputsAreRefused() {
        assertEquals(GoalSeekException.UNKNOWN_INPUT, assertThrows(GoalSeekException.class,
                () -> GoalSeek.seek(DEFAULTS, "headcount", "peakUtilization", 1)).code());
        assertEquals(GoalSeekException.UNKNOWN_INPUT, assertThrows(GoalSeekException.class,
                () -> GoalSeek.seek(DEFAULTS, null, "peakUtilization", 1)).code());
        for (String output : new String[] {"peak", "buckets.bucket9.recoveryRate", "buckets.bucket3.serviceLevel",
                "bucket3.recoveryRate", "buckets.bucket3", null}) {
            GoalSeekException e = assertThrows(GoalSeekException.class,
                    () -> GoalSeek.seek(DEFAULTS, "humanAgents", output, 1));
            assertEquals(GoalSeekException.UNKNOWN_OUTPUT, e.code(), String.valueOf(output));
            assertTrue(e.getMessage().contains("peakUtilization"), e.getMessage());
        }
    }

    @Test
    void aStrategyOrANonFiniteTargetIsNotAGoal() {
        GoalSeekException strategy = assertThrows(GoalSeekException.class,
                () -> GoalSeek.seek(DEFAULTS, "buckets.bucket1.strategy", "netRecovery", 4e6));
        assertEquals(GoalSeekException.INVALID_GOAL, strategy.code());
        assertTrue(strategy.getMessage().contains("scenarios"), strategy.getMessage());
        for (double target : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
            assertEquals(GoalSeekException.INVALID_GOAL, assertThrows(GoalSeekException.class,
                    () -> GoalSeek.seek(DEFAULTS, "humanAgents", "peakUtilization", target)).code());
        }
    }
}
