package dev.copilotsuite.orchestrator.model;

import java.util.List;

import dev.copilotsuite.events.calculator.ChangeOp;

/**
 * What the conversation is about after a turn, so a follow-up resolves: "do the same for bucket 2",
 * "what about 45?", "why is this lower than bucket 1?", "apply it".
 *
 * @param route       the last route of the turn
 * @param request     the last change batch asked for, applied or not (a refused one is kept for "I meant bucket 4")
 * @param scenario    the last what-if's batch
 * @param metric      the metric last discussed
 * @param buckets     the buckets last discussed, including one an answer named ("bucket 4 is the most expensive")
 * @param changedFrom the version before the last applied change, for "how did that change …"
 * @param changedTo   the version the last applied change made
 */
public record Focus(String route, List<ChangeOp> request, List<ChangeOp> scenario, String metric, List<String> buckets,
        Long changedFrom, Long changedTo) {

    public static final Focus NONE = new Focus(null, List.of(), List.of(), null, List.of(), null, null);

    public Focus {
        request = request == null ? List.of() : List.copyOf(request);
        scenario = scenario == null ? List.of() : List.copyOf(scenario);
        buckets = buckets == null ? List.of() : List.copyOf(buckets);
    }

    public Focus withRoute(String next) {
        return new Focus(next, request, scenario, metric, buckets, changedFrom, changedTo);
    }

    public Focus withRequest(List<ChangeOp> ops) {
        return new Focus(route, ops, scenario, metric, buckets, changedFrom, changedTo);
    }

    public Focus withScenario(List<ChangeOp> ops) {
        return new Focus(route, ops, ops, metric, buckets, changedFrom, changedTo);
    }

    public Focus withSubject(String nextMetric, List<String> nextBuckets) {
        return new Focus(route, request, scenario, nextMetric == null ? metric : nextMetric, nextBuckets, changedFrom,
                changedTo);
    }

    public Focus withChange(long from, long to) {
        return new Focus(route, request, scenario, metric, buckets, from, to);
    }
}
