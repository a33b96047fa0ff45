package dev.copilotsuite.calculator.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;

import dev.copilotsuite.events.format.Figures;
import dev.copilotsuite.events.calculator.BucketInputs;
import dev.copilotsuite.events.calculator.BucketSet;
import dev.copilotsuite.events.calculator.RoiInputs;
import dev.copilotsuite.events.calculator.RoiOutputs;
import dev.copilotsuite.events.calculator.Strategy;

/**
 * The proactive insights of shared/design/roi-model.md. An insight fires when its condition becomes
 * true, not again while it stays true, and re-arms once its metric is back past the re-arm level.
 */
public final class Insights {

    public static final String PEAK_UTILIZATION_HIGH = "PEAK_UTILIZATION_HIGH";
    public static final String CAPACITY_SHORTFALL = "CAPACITY_SHORTFALL";
    public static final String IDLE_CAPACITY = "IDLE_CAPACITY";
    public static final String NEGATIVE_NET = "NEGATIVE_NET";

    private static final double PEAK_HIGH = 1.20;
    private static final double PEAK_HIGH_REARM = 1.15;
    private static final double PEAK_CRITICAL = 1.50;
    private static final double UTILIZATION_HIGH = 1.00;
    private static final double UTILIZATION_HIGH_REARM = 0.95;
    private static final double PEAK_IDLE = 0.60;
    private static final double PEAK_IDLE_REARM = 0.65;
    /** The peak utilization that idle capacity may be released down to. */
    private static final double PEAK_AFTER_RELEASE = 0.90;

    /** The state for the next change, and the insights that fired on this one, in the spec's order. */
    public record Result(InsightState state, List<Insight> fired) {
    }

    private record Rule(String id, Predicate<RoiOutputs> fires, Predicate<RoiOutputs> rearms,
            BiFunction<RoiInputs, RoiOutputs, Insight> describe) {
    }

    // A null utilization is work with no capacity at all, so it counts as above every threshold.
    private static final List<Rule> RULES = List.of(
            new Rule(PEAK_UTILIZATION_HIGH,
                    out -> out.peakUtilization() == null
                            ? out.humanMinutes() > 0
                            : out.peakUtilization() > PEAK_HIGH,
                    out -> out.peakUtilization() != null && out.peakUtilization() <= PEAK_HIGH_REARM,
                    Insights::peakUtilizationHigh),
            new Rule(CAPACITY_SHORTFALL,
                    out -> out.utilization() == null
                            ? out.humanMinutes() > 0
                            : out.utilization() > UTILIZATION_HIGH,
                    out -> out.utilization() != null && out.utilization() <= UTILIZATION_HIGH_REARM,
                    Insights::capacityShortfall),
            // Without agents there is no capacity to call idle.
            new Rule(IDLE_CAPACITY,
                    out -> out.capacityMinutes() > 0 && out.peakUtilization() != null
                            && out.peakUtilization() < PEAK_IDLE,
                    out -> out.peakUtilization() == null || out.peakUtilization() >= PEAK_IDLE_REARM,
                    Insights::idleCapacity),
            new Rule(NEGATIVE_NET,
                    out -> out.netRecovery() < 0,
                    out -> out.netRecovery() >= 0,
                    Insights::negativeNet));

    private Insights() {
    }

    /** Evaluates the insights on a session's new state; {@code outputs} are {@code RoiModel.evaluate(inputs)}. */
    public static Result next(InsightState state, RoiInputs inputs, RoiOutputs outputs) {
        Set<String> armedOff = new HashSet<>(state.armedOff());
        List<Insight> fired = new ArrayList<>();
        for (Rule rule : RULES) {
            if (armedOff.contains(rule.id())) {
                if (rule.rearms().test(outputs)) {
                    armedOff.remove(rule.id());
                }
            } else if (rule.fires().test(outputs)) {
                armedOff.add(rule.id());
                fired.add(rule.describe().apply(inputs, outputs));
            }
        }
        return new Result(new InsightState(armedOff), List.copyOf(fired));
    }

    private static Insight peakUtilizationHigh(RoiInputs in, RoiOutputs out) {
        Double peak = out.peakUtilization();
        double fteForPeak100 = out.humanMinutes() * in.peakFactor() / RoiModel.perFte(in);
        Map<String, Object> figures = new LinkedHashMap<>();
        StringBuilder message = new StringBuilder();
        if (peak == null) {
            message.append("There are no human agents for ").append(Figures.oneDecimal(out.fteRequired()))
                    .append(" FTE of work");
        } else {
            figures.put("peakUtilization", peak);
            message.append("Peak-hour utilization is ").append(Figures.percent(peak)).append(", above ")
                    .append(Figures.percent(PEAK_HIGH));
        }
        figures.put("fteForPeak100", fteForPeak100);
        figures.put("additionalFte", fteForPeak100 - in.humanAgents());
        message.append(": ").append(Figures.oneDecimal(fteForPeak100)).append(" FTE (")
                .append(Figures.oneDecimal(fteForPeak100 - in.humanAgents()))
                .append(" more) would bring peak-hour utilization to 100%.");
        if (peak != null) {
            bestAugmentation(in, peak).ifPresent(best -> {
                figures.put("bestBucket", best.getKey());
                figures.put("peakUtilizationAfter", best.getValue());
                message.append(" Moving ").append(Figures.bucket(best.getKey()))
                        .append(" to AI_AUGMENTED would lower it most, to ").append(Figures.percent(best.getValue()))
                        .append('.');
            });
        }
        String severity = peak == null || peak > PEAK_CRITICAL ? "critical" : "warning";
        return insight(PEAK_UTILIZATION_HIGH, severity, message.toString(), figures);
    }

    /** The bucket not yet AI_AUGMENTED whose move to it lowers peakUtilization most, and the peak after. */
    private static Optional<Map.Entry<String, Double>> bestAugmentation(RoiInputs in, double peak) {
        String bestBucket = null;
        double bestPeak = peak;
        for (String bucket : BucketSet.NAMES) {
            BucketInputs b = in.buckets().get(bucket);
            if (b.strategy() == Strategy.AI_AUGMENTED) {
                continue;
            }
            RoiInputs moved = RoiModel.withBuckets(in,
                    in.buckets().with(bucket, RoiModel.withStrategy(b, Strategy.AI_AUGMENTED)));
            Double after = RoiModel.evaluate(moved).peakUtilization();
            if (after != null && after < bestPeak) {
                bestBucket = bucket;
                bestPeak = after;
            }
        }
        return bestBucket == null ? Optional.empty() : Optional.of(Map.entry(bestBucket, bestPeak));
    }

    private static Insight capacityShortfall(RoiInputs in, RoiOutputs out) {
        // Recovery is linear in serviceLevel and nothing else in it depends on capacity, so the loss is the
        // recovery with every human conversation happening (serviceLevel 1) minus the actual recovery.
        double recoveryLost = RoiModel.totalRecoveredAt(in, 1) - out.totalRecovered();
        Map<String, Object> figures = new LinkedHashMap<>();
        String demand;
        if (out.utilization() == null) {
            demand = "Average demand exceeds capacity: there are no human agents for the work";
        } else {
            figures.put("utilization", out.utilization());
            demand = "Average demand exceeds capacity: utilization is " + Figures.percent(out.utilization());
        }
        figures.put("serviceLevel", out.serviceLevel());
        figures.put("fteRequired", out.fteRequired());
        figures.put("recoveryLost", recoveryLost);
        String message = demand + ", so only " + Figures.percent(out.serviceLevel()) + " of human conversations happen, losing "
                + Figures.money(recoveryLost) + " of recovery a month.";
        return insight(CAPACITY_SHORTFALL, "critical", message, figures);
    }

    private static Insight idleCapacity(RoiInputs in, RoiOutputs out) {
        double fteForPeak90 = out.humanMinutes() * in.peakFactor() / (PEAK_AFTER_RELEASE * RoiModel.perFte(in));
        double releasableFte = in.humanAgents() - fteForPeak90;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("peakUtilization", out.peakUtilization());
        figures.put("fteForPeak90", fteForPeak90);
        figures.put("releasableFte", releasableFte);
        String message = "Peak-hour utilization is only " + Figures.percent(out.peakUtilization()) + ": " + Figures.oneDecimal(releasableFte)
                + " FTE could be released keeping it at or below " + Figures.percent(PEAK_AFTER_RELEASE) + ".";
        return insight(IDLE_CAPACITY, "info", message, figures);
    }

    private static Insight negativeNet(RoiInputs in, RoiOutputs out) {
        Map<String, Double> lines = new LinkedHashMap<>();
        lines.put("humanCost", out.humanCost());
        lines.put("facilityCost", out.facilityCost());
        lines.put("aiCost", out.aiCost());
        Map.Entry<String, Double> largest = lines.entrySet().stream()
                .reduce((a, b) -> b.getValue() > a.getValue() ? b : a)
                .orElseThrow();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("netRecovery", out.netRecovery());
        figures.put("largestCostLine", largest.getKey());
        figures.put("largestCost", largest.getValue());
        String label = OutputCatalog.operation(largest.getKey()).orElseThrow().label();
        String message = "The operation loses " + Figures.money(-out.netRecovery()) + " a month; the largest cost line is "
                + label.toLowerCase(Locale.ROOT) + " at " + Figures.money(largest.getValue()) + ".";
        return insight(NEGATIVE_NET, "critical", message, figures);
    }

    private static Insight insight(String id, String severity, String message, Map<String, Object> figures) {
        return new Insight(id, severity, message, Collections.unmodifiableMap(figures));
    }
}
