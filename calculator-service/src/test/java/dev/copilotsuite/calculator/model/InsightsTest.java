package dev.copilotsuite.calculator.model;

import static dev.copilotsuite.calculator.model.Figures.assertFigure;
import static dev.copilotsuite.calculator.model.Figures.defaultsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.copilotsuite.calculator.model.Insights.Result;
import dev.copilotsuite.events.calculator.BucketSet;
import dev.copilotsuite.events.calculator.ChangeOp;
import dev.copilotsuite.events.calculator.RoiInputs;
import dev.copilotsuite.events.calculator.RoiOutputs;
import dev.copilotsuite.events.calculator.Strategy;

class InsightsTest {

    /** Minutes one FTE works at the defaults: 140 h * 60 * 0.85. */
    private static final double PER_FTE = 7140;

    private static final double DEFAULT_HUMAN_MINUTES = RoiModel.evaluate(Defaults.inputs()).humanMinutes();

    /** A session driven through states, as calculator-service drives it after every change. */
    private static final class Session {
        private InsightState state = InsightState.initial();

        List<String> step(RoiInputs in) {
            Result result = Insights.next(state, in, RoiModel.evaluate(in));
            state = result.state();
            return result.fired().stream().map(Insight::id).toList();
        }
    }

    private static Insight single(RoiInputs in, String id) {
        List<Insight> fired = Insights.next(InsightState.initial(), in, RoiModel.evaluate(in)).fired().stream()
                .filter(i -> i.id().equals(id))
                .toList();
        assertEquals(1, fired.size(), id + " fired " + fired.size() + " times");
        return fired.get(0);
    }

    /** The defaults with the agents that put peakUtilization at the given level. */
    private static RoiInputs atPeak(double peak) {
        return defaultsWith(ChangeOp.set("humanAgents", DEFAULT_HUMAN_MINUTES * 1.5 / (PER_FTE * peak)));
    }

    /** The defaults with the agents that put utilization at the given level. */
    private static RoiInputs atUtilization(double utilization) {
        return defaultsWith(ChangeOp.set("humanAgents", DEFAULT_HUMAN_MINUTES / (PER_FTE * utilization)));
    }

    @Test
    void nothingFiresAtTheDefaults() {
        assertEquals(List.of(), new Session().step(Defaults.inputs()));
    }

    @Test
    void peakUtilizationHighAt25Agents() {
        RoiInputs in = defaultsWith(ChangeOp.set("humanAgents", 25));
        Insight insight = single(in, Insights.PEAK_UTILIZATION_HIGH);
        assertEquals("warning", insight.severity());
        Map<String, Object> figures = insight.figures();
        assertFigure(1.371187, (Double) figures.get("peakUtilization"), "peakUtilization");
        assertFigure(DEFAULT_HUMAN_MINUTES * 1.5 / PER_FTE, (Double) figures.get("fteForPeak100"), "fteForPeak100");
        assertFigure(DEFAULT_HUMAN_MINUTES * 1.5 / PER_FTE - 25, (Double) figures.get("additionalFte"),
                "additionalFte");
        assertEquals("bucket1", figures.get("bestBucket"));
        double after = RoiModel.evaluate(RoiModel.withBuckets(in, in.buckets().with("bucket1",
                RoiModel.withStrategy(in.buckets().bucket1(), Strategy.AI_AUGMENTED)))).peakUtilization();
        assertEquals(after, figures.get("peakUtilizationAfter"));
        assertTrue(insight.message().contains("137%"), insight.message());
        assertTrue(insight.message().contains("bucket 1"), insight.message());
    }

    @Test
    void theFteFigureBringsPeakToOne() {
        RoiInputs in = defaultsWith(ChangeOp.set("humanAgents", 25));
        double fte = (Double) single(in, Insights.PEAK_UTILIZATION_HIGH).figures().get("fteForPeak100");
        assertFigure(1.0, RoiModel.evaluate(defaultsWith(ChangeOp.set("humanAgents", fte))).peakUtilization(),
                "peak with that FTE");
    }

    @Test
    void peakAboveOneFiftyIsCritical() {
        assertEquals("critical", single(atPeak(1.51), Insights.PEAK_UTILIZATION_HIGH).severity());
        assertEquals("warning", single(atPeak(1.49), Insights.PEAK_UTILIZATION_HIGH).severity());
    }

    @Test
    void bestBucketSkipsBucketsAlreadyAugmented() {
        RoiInputs in = defaultsWith(ChangeOp.set("humanAgents", 20), ChangeOp.strategy("bucket1",
                Strategy.AI_AUGMENTED));
        Map<String, Object> figures = single(in, Insights.PEAK_UTILIZATION_HIGH).figures();
        String best = null;
        double lowest = Double.MAX_VALUE;
        for (String bucket : List.of("bucket2", "bucket3", "bucket4")) {
            double peak = RoiModel.evaluate(RoiModel.withBuckets(in, in.buckets().with(bucket,
                    RoiModel.withStrategy(in.buckets().get(bucket), Strategy.AI_AUGMENTED)))).peakUtilization();
            if (peak < lowest) {
                best = bucket;
                lowest = peak;
            }
        }
        assertEquals(best, figures.get("bestBucket"));
        assertEquals(lowest, figures.get("peakUtilizationAfter"));
    }

    @Test
    void noBestBucketWhenAllAreAugmented() {
        RoiInputs in = defaultsWith(ChangeOp.set("humanAgents", 10));
        for (String bucket : BucketSet.NAMES) {
            in = ChangeApplier.apply(in, List.of(ChangeOp.strategy(bucket, Strategy.AI_AUGMENTED))).inputs();
        }
        Map<String, Object> figures = single(in, Insights.PEAK_UTILIZATION_HIGH).figures();
        assertFalse(figures.containsKey("bestBucket"));
        assertFalse(figures.containsKey("peakUtilizationAfter"));
    }

    @Test
    void peakUtilizationHighFiresOnceAndReArmsOnlyAtOneFifteen() {
        Session session = new Session();
        assertEquals(List.of(), session.step(atPeak(1.19)));
        assertEquals(List.of(Insights.PEAK_UTILIZATION_HIGH), session.step(atPeak(1.21)));
        assertEquals(List.of(), session.step(atPeak(1.21)), "no re-fire while true");
        assertEquals(List.of(), session.step(atPeak(1.30)), "no re-fire while true");
        assertEquals(List.of(), session.step(atPeak(1.19)), "1.19 does not re-arm");
        assertEquals(List.of(), session.step(atPeak(1.16)), "1.16 does not re-arm");
        assertEquals(List.of(), session.step(atPeak(1.21)), "hovering does not re-fire");
        assertEquals(List.of(), session.step(atPeak(1.149)), "re-arms at 1.15");
        assertEquals(List.of(Insights.PEAK_UTILIZATION_HIGH), session.step(atPeak(1.21)));
    }

    @Test
    void noCapacityWithWorkIsCritical() {
        RoiInputs in = defaultsWith(ChangeOp.set("humanAgents", 0));
        Insight peak = single(in, Insights.PEAK_UTILIZATION_HIGH);
        assertEquals("critical", peak.severity());
        assertFalse(peak.figures().containsKey("peakUtilization"));
        Insight shortfall = single(in, Insights.CAPACITY_SHORTFALL);
        assertEquals(0.0, shortfall.figures().get("serviceLevel"));
    }

    @Test
    void capacityShortfallQuotesTheRecoveryLost() {
        RoiInputs in = defaultsWith(ChangeOp.set("humanAgents", 15));
        Insight insight = single(in, Insights.CAPACITY_SHORTFALL);
        assertEquals("critical", insight.severity());
        RoiOutputs out = RoiModel.evaluate(in);
        assertEquals(out.utilization(), insight.figures().get("utilization"));
        assertEquals(out.serviceLevel(), insight.figures().get("serviceLevel"));
        // With ample agents every human conversation happens and recovery does not depend on cost.
        double fullyServed = RoiModel.evaluate(defaultsWith(ChangeOp.set("humanAgents", 1000))).totalRecovered();
        assertFigure(fullyServed - out.totalRecovered(), (Double) insight.figures().get("recoveryLost"),
                "recoveryLost");
    }

    @Test
    void capacityShortfallReArmsOnlyAtNinetyFive() {
        Session session = new Session();
        assertTrue(session.step(atUtilization(1.01)).contains(Insights.CAPACITY_SHORTFALL));
        assertFalse(session.step(atUtilization(1.05)).contains(Insights.CAPACITY_SHORTFALL));
        assertFalse(session.step(atUtilization(0.97)).contains(Insights.CAPACITY_SHORTFALL));
        assertFalse(session.step(atUtilization(1.01)).contains(Insights.CAPACITY_SHORTFALL));
        assertFalse(session.step(atUtilization(0.949)).contains(Insights.CAPACITY_SHORTFALL));
        assertTrue(session.step(atUtilization(1.01)).contains(Insights.CAPACITY_SHORTFALL));
    }

    @Test
    void idleCapacityQuotesTheFteToRelease() {
        RoiInputs in = defaultsWith(ChangeOp.set("humanAgents", 60));
        Insight insight = single(in, Insights.IDLE_CAPACITY);
        assertEquals("info", insight.severity());
        double releasable = (Double) insight.figures().get("releasableFte");
        assertTrue(releasable > 0);
        RoiOutputs after = RoiModel.evaluate(defaultsWith(ChangeOp.set("humanAgents", 60 - releasable)));
        assertFigure(0.90, after.peakUtilization(), "peak after the release");
    }

    @Test
    void idleCapacityReArmsOnlyAtSixtyFive() {
        Session session = new Session();
        assertEquals(List.of(Insights.IDLE_CAPACITY), session.step(atPeak(0.59)));
        assertEquals(List.of(), session.step(atPeak(0.50)));
        assertEquals(List.of(), session.step(atPeak(0.62)));
        assertEquals(List.of(), session.step(atPeak(0.59)));
        assertEquals(List.of(), session.step(atPeak(0.651)));
        assertEquals(List.of(Insights.IDLE_CAPACITY), session.step(atPeak(0.59)));
    }

    @Test
    void noIdleCapacityWithoutAgents() {
        RoiInputs in = defaultsWith(ChangeOp.set("humanAgents", 0), ChangeOp.set("buckets.bucket1.accounts", 0),
                ChangeOp.set("buckets.bucket2.accounts", 0), ChangeOp.set("buckets.bucket3.accounts", 0),
                ChangeOp.set("buckets.bucket4.accounts", 0));
        assertFalse(new Session().step(in).contains(Insights.IDLE_CAPACITY));
    }

    @Test
    void negativeNetNamesTheLargestCostLine() {
        Insight insight = single(defaultsWith(ChangeOp.set("humanSalary", 5000000)), Insights.NEGATIVE_NET);
        assertEquals("critical", insight.severity());
        assertEquals("humanCost", insight.figures().get("largestCostLine"));
        assertTrue((Double) insight.figures().get("netRecovery") < 0);
        insight = single(defaultsWith(ChangeOp.set("rent", 1e8)), Insights.NEGATIVE_NET);
        assertEquals("facilityCost", insight.figures().get("largestCostLine"));
        assertEquals(1e8, insight.figures().get("largestCost"));
        insight = single(defaultsWith(ChangeOp.strategy("bucket1", Strategy.AI_FIRST),
                ChangeOp.set("aiCostPerMinute", 100)), Insights.NEGATIVE_NET);
        assertEquals("aiCost", insight.figures().get("largestCostLine"));
    }

    @Test
    void negativeNetReArmsAtZero() {
        Session session = new Session();
        RoiInputs losing = defaultsWith(ChangeOp.set("rent", 1e7));
        assertEquals(List.of(Insights.NEGATIVE_NET), session.step(losing));
        assertEquals(List.of(), session.step(defaultsWith(ChangeOp.set("rent", 9e6))));
        assertEquals(List.of(), session.step(Defaults.inputs()));
        assertEquals(List.of(Insights.NEGATIVE_NET), session.step(losing));
    }

    @Test
    void messagesQuoteTheirFigures() {
        Insight insight = single(defaultsWith(ChangeOp.set("humanAgents", 15)), Insights.CAPACITY_SHORTFALL);
        assertTrue(insight.message().contains("152%"), insight.message());
        assertTrue(insight.message().contains("$1.53M"), insight.message());
        insight = single(defaultsWith(ChangeOp.set("rent", 1e7)), Insights.NEGATIVE_NET);
        assertTrue(insight.message().contains("$10.0M"), insight.message());
    }
}
