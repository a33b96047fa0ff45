package dev.copilotsuite.orchestrator.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.copilotsuite.events.calculator.CalculatorState;
import dev.copilotsuite.events.calculator.DriversView;
import dev.copilotsuite.events.calculator.InputDef;
import dev.copilotsuite.events.calculator.RecoveryComparison;
import dev.copilotsuite.events.format.Figures;
import dev.copilotsuite.orchestrator.client.CalculatorClient;
import dev.copilotsuite.orchestrator.model.Routes;
import dev.copilotsuite.orchestrator.model.Step;
import dev.copilotsuite.orchestrator.service.language.Lexicon;
import dev.copilotsuite.orchestrator.service.language.Metric;

/**
 * The analyst agent: explains a figure or compares buckets from calculator-service's state and drivers.
 * It phrases; the figures are the model's.
 */
@ApplicationScoped
public class Analyst {

    private static final Pattern LOW = Pattern.compile("\\b(lowest|least|smallest|fewest|cheapest|minimum|bottom|worst)\\b");
    private static final Map<String, String> FACTORS = Map.of("reach", "reach (share of accounts reached)",
            "effectivePromiseRate", "promise rate per conversation", "keptRate", "promises kept",
            "paymentShare", "share of balance paid");

    private final CalculatorClient calculator;
    private final Catalog catalog;
    private final ObjectMapper mapper;

    public Analyst(@RestClient CalculatorClient calculator, Catalog catalog, ObjectMapper mapper) {
        this.calculator = calculator;
        this.catalog = catalog;
        this.mapper = mapper;
    }

    public void analyze(TurnScope scope, Step step) {
        scope.routes.add(Routes.ANALYZE);
        if (step.ask() == Step.Ask.INPUT) {
            InputDef input = catalog.lexicon().input(step.metric());
            Object value = OutputValues.input(mapper, scope.state.inputs(), step.metric());
            scope.stream.tool("read_state", Map.of("path", step.metric()), Map.of("value", String.valueOf(value)), false);
            scope.focus = scope.focus.withRoute(Routes.ANALYZE).withSubject(null, step.buckets());
            scope.say((input == null ? step.metric() : input.label() + (input.bucket() == null ? ""
                    : " in " + Figures.bucket(input.bucket()))) + " is " + Wording.input(input, value) + ".");
            return;
        }
        Metric metric = Lexicon.metricNamed(step.metric()).orElseThrow();
        OutputValues now = new OutputValues(mapper, scope.state.outputs());
        scope.stream.tool("read_state", Map.of("metric", metric.name(), "buckets", step.buckets()),
                Map.of("version", scope.state.version()), false);
        List<String> buckets = metric.bucketKey() == null ? List.of() : step.buckets();
        scope.focus = scope.focus.withRoute(Routes.ANALYZE).withSubject(metric.name(), step.buckets());
        switch (step.ask()) {
            case WHICH:
                which(scope, metric, now);
                return;
            case COMPARE:
                compare(scope, metric, now, step.buckets());
                return;
            case SINCE_CHANGE:
                sinceChange(scope, metric, now, buckets);
                return;
            case WHY:
                why(scope, metric, now, buckets);
                return;
            default:
                value(scope, metric, now, buckets);
        }
    }

    private void value(TurnScope scope, Metric metric, OutputValues now, List<String> buckets) {
        if (buckets.isEmpty() || metric.bucketKey() == null) {
            Double v = now.of(metric, null);
            StringBuilder text = new StringBuilder(Wording.capitalise(metric.label()) + " is " + Wording.metric(metric, v));
            text.append(context(metric, now, v)).append('.');
            scope.say(text.toString());
            return;
        }
        StringJoiner parts = new StringJoiner("; ");
        for (String bucket : buckets) {
            parts.add(Figures.bucket(bucket) + ": " + Wording.metric(metric, now.of(metric, bucket)));
        }
        String whole = metric.key() == null ? "" : " (the operation: " + Wording.metric(metric, now.of(metric, null)) + ")";
        scope.say(Wording.capitalise(metric.label()) + " in " + parts + whole + ".");
    }

    /** What a figure means beside the ones it is usually read with. */
    private String context(Metric metric, OutputValues now, Double v) {
        switch (metric.name()) {
            case "peakUtilization":
                return ", against average utilization of " + Figures.percent(now.operation("utilization"))
                        + (v != null && v > 1.2 ? "; above the 120% alert level, peak-hour work exceeds what the team can absorb"
                                : v != null && v > 1 ? "; above 100%, peak hours exceed capacity" : "");
            case "utilization":
                return " on average (peak hours: " + Figures.percent(now.operation("peakUtilization")) + ")";
            case "fteRequired":
                return " FTE to work the volume at the target occupancy";
            case "netRecovery":
                return " a month (recovered " + Figures.money(now.operation("totalRecovered")) + " minus costs of "
                        + Figures.money(now.operation("totalCost")) + ")";
            case "totalCost":
                return " (human " + Figures.money(now.operation("humanCost")) + ", facility "
                        + Figures.money(now.operation("facilityCost")) + ", AI " + Figures.money(now.operation("aiCost")) + ")";
            case "roi":
                return " of monthly cost returned as net recovery";
            case "paybackMonths":
                return v == null ? " because no bucket uses AI yet" : " months to recover the AI implementation cost";
            case "costToCollect":
                return " per dollar recovered";
            case "recoveryRate":
                return " of the balance worked";
            default:
                return "";
        }
    }

    private void why(TurnScope scope, Metric metric, OutputValues now, List<String> buckets) {
        DriversView drivers = calculator.drivers(scope.sessionId);
        scope.stream.tool("read_drivers", Map.of("metric", metric.name()), drivers, false);
        CalculatorState state = scope.state;
        if (metric.name().equals("peakUtilization") || metric.name().equals("utilization")) {
            Double peak = now.operation("peakUtilization");
            double agents = state.inputs().humanAgents();
            StringBuilder text = new StringBuilder("Peak utilization is " + Figures.percent(peak) + " against average "
                    + "utilization of " + Figures.percent(now.operation("utilization")) + ". ");
            if (peak != null) {
                text.append("In peak hours the work needs ").append(Figures.oneDecimal(peak * agents))
                        .append(" agents' worth of capacity and you have ")
                        .append(Wording.input(catalog.lexicon().input("humanAgents"), agents)).append("; ");
            }
            text.append("on average it needs ").append(Figures.oneDecimal(now.operation("fteRequired")))
                    .append(" FTE, and peak hours carry ").append(Figures.oneDecimal(state.inputs().peakFactor()))
                    .append("× the average load.");
            drivers.peakByBucket().stream().filter(b -> b.share() != null)
                    .max(Comparator.comparingDouble(DriversView.BucketPeak::humanMinutes))
                    .ifPresent(top -> text.append(" ").append(Wording.capitalise(Figures.bucket(top.bucket())))
                            .append(" carries the most human work: ").append(Figures.percent(top.share()))
                            .append(" of the minutes."));
            drivers.peakByActivity().stream().filter(a -> a.bucket() == null).findFirst().ifPresent(total -> {
                double all = total.talkMinutes() + total.dialMinutes();
                if (all > 0) {
                    text.append(" Talking takes ").append(Figures.percent(total.talkMinutes() / all))
                            .append(" of agent time and dialing unanswered attempts ")
                            .append(Figures.percent(total.dialMinutes() / all)).append('.');
                }
            });
            scope.say(text.toString());
            return;
        }
        if (!buckets.isEmpty() && metric.bucketKey() != null) {
            for (String bucket : buckets) {
                scope.say(bucketWhy(metric, now, drivers, bucket, state));
            }
            return;
        }
        StringJoiner top = new StringJoiner("; ");
        drivers.sensitivities().stream().limit(3).forEach(s -> top.add(s.label() + " (+10% moves net recovery "
                + (s.netRecoveryChange() >= 0 ? "+" : "-") + Figures.money(Math.abs(s.netRecoveryChange())) + ")"));
        Double v = now.of(metric, null);
        scope.say(Wording.capitalise(metric.label()) + " is " + Wording.metric(metric, v) + context(metric, now, v)
                + ". The inputs that move the operation most: " + top + ".");
    }

    private String bucketWhy(Metric metric, OutputValues now, DriversView drivers, String bucket, CalculatorState state) {
        DriversView.RecoveryFactors f = drivers.recoveryFactors().stream().filter(r -> r.bucket().equals(bucket))
                .findFirst().orElse(null);
        String name = Wording.capitalise(Figures.bucket(bucket));
        StringBuilder text = new StringBuilder(name + "'s " + metric.label() + " is "
                + Wording.metric(metric, now.of(metric, bucket)));
        if (metric.bucketKey().equals("costToCollect") || metric.bucketKey().equals("cost")) {
            text.append(": it costs ").append(Figures.money(now.bucket(bucket, "cost"))).append(" a month and recovers ")
                    .append(Figures.money(now.bucket(bucket, "recovered"))).append('.');
        } else {
            text.append('.');
        }
        if (f != null) {
            Object contact = OutputValues.input(mapper, state.inputs(), "buckets." + bucket + ".contactRate");
            text.append(" It recovers ").append(Figures.percent(f.recoveryRate())).append(" of its balance: reach ")
                    .append(Figures.percent(f.reach())).append(" (a ")
                    .append(Wording.input(catalog.lexicon().input("buckets." + bucket + ".contactRate"), contact))
                    .append(" contact rate per attempt) × promise rate ").append(Figures.percent(f.effectivePromiseRate()))
                    .append(" × promises kept ").append(Figures.percent(f.keptRate())).append(" × share paid ")
                    .append(Figures.percent(f.paymentShare())).append('.');
        }
        return text.toString();
    }

    private void which(TurnScope scope, Metric metric, OutputValues now) {
        if (metric.bucketKey() == null) {
            value(scope, metric, now, List.of());
            return;
        }
        boolean low = LOW.matcher(scope.text.toLowerCase()).find();
        if (scope.text.toLowerCase().contains("best")) {
            low = metric.higherIsWorse();
        }
        List<String> ranked = new ArrayList<>(Lexicon.BUCKETS);
        ranked.removeIf(b -> now.of(metric, b) == null);
        ranked.sort(Comparator.comparingDouble((String b) -> now.of(metric, b)));
        if (!low) {
            java.util.Collections.reverse(ranked);
        }
        if (ranked.isEmpty()) {
            scope.say("No bucket has a " + metric.label() + " yet.");
            return;
        }
        String answer = ranked.get(0);
        StringJoiner others = new StringJoiner(", ");
        ranked.stream().skip(1).forEach(b -> others.add(Figures.bucket(b) + " " + Wording.metric(metric, now.of(metric, b))));
        scope.focus = scope.focus.withSubject(metric.name(), List.of(answer));
        scope.say(Wording.capitalise(Figures.bucket(answer)) + " has the " + (low ? "lowest " : "highest ") + metric.label()
                + ": " + Wording.metric(metric, now.of(metric, answer)) + " (" + others + ").");
    }

    private void compare(TurnScope scope, Metric metric, OutputValues now, List<String> buckets) {
        String a = buckets.get(0);
        String b = buckets.get(1);
        if (!metric.name().equals("recoveryRate")) {
            scope.say(Wording.capitalise(metric.label()) + ": " + Figures.bucket(a) + " " + Wording.metric(metric,
                    now.of(metric, a)) + " against " + Figures.bucket(b) + " " + Wording.metric(metric, now.of(metric, b))
                    + ".");
            return;
        }
        RecoveryComparison comparison = calculator.compareRecovery(scope.sessionId, a, b);
        scope.stream.tool("compare_recovery", Map.of("a", a, "b", b), comparison, false);
        StringJoiner factors = new StringJoiner("; ");
        comparison.factors().forEach(f -> factors.add(FACTORS.getOrDefault(f.factor(), f.factor()) + " "
                + Figures.percent(f.valueA()) + " vs " + Figures.percent(f.valueB())));
        String lead = comparison.factor() == null ? "No factor differs."
                : "The biggest gap is " + FACTORS.getOrDefault(comparison.factor(), comparison.factor())
                        + inputsBehind(scope, comparison.factor(), a, b) + ".";
        scope.say(Wording.capitalise(Figures.bucket(a)) + " recovers " + Figures.percent(comparison.recoveryRateA())
                + " of its balance and " + Figures.bucket(b) + " " + Figures.percent(comparison.recoveryRateB()) + ". "
                + lead + " Factor by factor (" + Figures.bucket(a) + " vs " + Figures.bucket(b) + "): " + factors + ".");
    }

    /** The inputs a recovery factor comes from, side by side: "(promise-to-pay rate set at 30% vs 45%)". */
    private String inputsBehind(TurnScope scope, String factor, String a, String b) {
        String key;
        switch (factor) {
            case "reach":
                key = "contactRate";
                break;
            case "effectivePromiseRate":
                key = "promiseRate";
                break;
            default:
                key = factor;
        }
        InputDef input = catalog.lexicon().input("buckets." + a + "." + key);
        if (input == null) {
            return "";
        }
        Object valueA = OutputValues.input(mapper, scope.state.inputs(), "buckets." + a + "." + key);
        Object valueB = OutputValues.input(mapper, scope.state.inputs(), "buckets." + b + "." + key);
        return " (" + input.label().toLowerCase(java.util.Locale.ROOT) + " set at " + Wording.input(input, valueA) + " vs "
                + Wording.input(input, valueB) + ")";
    }

    private void sinceChange(TurnScope scope, Metric metric, OutputValues now, List<String> buckets) {
        Long from = scope.focus.changedFrom();
        CalculatorState before = calculator.stateAt(scope.sessionId, from == null ? 0 : from);
        OutputValues then = new OutputValues(mapper, before.outputs());
        List<String> where = buckets.isEmpty() ? java.util.Arrays.asList((String) null) : buckets;
        StringJoiner parts = new StringJoiner("; ");
        for (String bucket : where) {
            Double a = then.of(metric, bucket);
            Double b = now.of(metric, bucket);
            parts.add((bucket == null ? Wording.capitalise(metric.label()) : Wording.capitalise(Figures.bucket(bucket))
                    + "'s " + metric.label()) + " went from " + Wording.metric(metric, a) + " to " + Wording.metric(metric, b)
                    + (Wording.delta(metric, a, b) == null ? "" : " (" + Wording.delta(metric, a, b) + ")"));
        }
        scope.say(parts + ".");
    }
}
