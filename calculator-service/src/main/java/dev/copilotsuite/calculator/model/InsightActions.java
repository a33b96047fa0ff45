package dev.copilotsuite.calculator.model;

import java.util.List;

import dev.copilotsuite.events.calculator.ChangeOp;
import dev.copilotsuite.events.calculator.InsightRaised.SuggestedAction;
import dev.copilotsuite.events.calculator.RoiInputs;
import dev.copilotsuite.events.calculator.Strategy;
import dev.copilotsuite.events.format.Figures;

/**
 * The change the model suggests for an insight, from the figures the insight computed: the staffing
 * that brings a utilization to its target (a goal seek solved in closed form, since utilization is
 * linear in 1/humanAgents) or the strategy move that lowers the peak most (a scenario the insight ran).
 */
public final class InsightActions {

    private InsightActions() {
    }

    public static List<SuggestedAction> of(Insight insight, RoiInputs inputs) {
        return switch (insight.id()) {
            case Insights.PEAK_UTILIZATION_HIGH -> peak(insight);
            case Insights.CAPACITY_SHORTFALL -> staffTo(number(insight, "fteRequired"), "average demand");
            case Insights.IDLE_CAPACITY -> staffTo(number(insight, "fteForPeak90"), "a 90% peak");
            default -> List.of();
        };
    }

    private static List<SuggestedAction> peak(Insight insight) {
        Object bucket = insight.figures().get("bestBucket");
        List<SuggestedAction> staffing = staffTo(number(insight, "fteForPeak100"), "a 100% peak");
        if (bucket == null) {
            return staffing;
        }
        SuggestedAction move = new SuggestedAction("Move " + Figures.bucket(bucket.toString()) + " to AI augmentation",
                List.of(ChangeOp.strategy(bucket.toString(), Strategy.AI_AUGMENTED)));
        return staffing.isEmpty() ? List.of(move) : List.of(move, staffing.get(0));
    }

    /** Staffing rounded up to whole agents, so the target is met, not just approached. */
    private static List<SuggestedAction> staffTo(Double fte, String target) {
        if (fte == null || !Double.isFinite(fte)) {
            return List.of();
        }
        double agents = Math.ceil(fte - 1e-9);
        return List.of(new SuggestedAction("Staff " + (long) agents + " agents for " + target,
                List.of(ChangeOp.set("humanAgents", agents))));
    }

    private static Double number(Insight insight, String figure) {
        return insight.figures().get(figure) instanceof Number n ? n.doubleValue() : null;
    }
}
