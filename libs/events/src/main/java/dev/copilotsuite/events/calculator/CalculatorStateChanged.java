package dev.copilotsuite.events.calculator;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonTypeName;

import dev.copilotsuite.events.EventPayload;

/**
 * A session's calculator reached a new version. Carries the whole state, so a consumer never
 * needs an earlier event to render it.
 *
 * @param ops the batch that produced this version (empty for a reset or the initial state)
 */
@JsonTypeName("calculator.state.changed")
public record CalculatorStateChanged(long version, String actor, String actorRef, String requestId, List<ChangeOp> ops,
        RoiInputs inputs, RoiOutputs outputs) implements EventPayload {
}
