package dev.copilotsuite.orchestrator.model;

import java.util.List;

import dev.copilotsuite.events.calculator.ChangeOp;

/**
 * One thing a message asks for, in the order asked: a route with what it needs.
 *
 * @param ops     MODIFY: the batch to apply; SCENARIO: the batch to evaluate
 * @param metric  ANALYZE (and the metric a SCENARIO answer leads with): an output name, or an input path when
 *                {@code ask} is INPUT
 * @param buckets the buckets the step is about
 * @param problem REJECT and OTHER: what was not understood or is not allowed, in a sentence
 */
public record Step(String route, List<ChangeOp> ops, String metric, List<String> buckets, Ask ask, String problem) {

    /** What kind of answer an ANALYZE or OTHER step wants. */
    public enum Ask {
        VALUE, WHY, WHICH, COMPARE, SINCE_CHANGE, INPUT, HELP, THANKS, OFF_TOPIC, CLARIFY
    }

    public Step {
        ops = ops == null ? List.of() : List.copyOf(ops);
        buckets = buckets == null ? List.of() : List.copyOf(buckets);
    }

    public static Step of(String route) {
        return new Step(route, List.of(), null, List.of(), Ask.VALUE, null);
    }

    public static Step change(String route, List<ChangeOp> ops, String metric) {
        return new Step(route, ops, metric, List.of(), Ask.VALUE, null);
    }

    public static Step analyze(String metric, List<String> buckets, Ask ask) {
        return new Step(Routes.ANALYZE, List.of(), metric, buckets, ask, null);
    }

    public static Step other(Ask ask, String problem) {
        return new Step(Routes.OTHER, List.of(), null, List.of(), ask, problem);
    }

    public static Step reject(List<ChangeOp> attempted, String problem) {
        return new Step(Routes.REJECT, attempted, null, List.of(), Ask.VALUE, problem);
    }
}
