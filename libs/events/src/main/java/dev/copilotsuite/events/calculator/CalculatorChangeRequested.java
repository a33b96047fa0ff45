package dev.copilotsuite.events.calculator;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonTypeName;

import dev.copilotsuite.events.EventPayload;

/**
 * A batch of changes to a session's calculator, applied all or nothing.
 *
 * @param requestId       idempotency key: a request applied once is not applied again
 * @param actor           who asks: {@code user} for an edit in the UI, {@code copilot} for the orchestrator
 * @param actorRef        the user id, or the chat message id the copilot acted on
 * @param expectedVersion the version the change was made against, or null to apply to the latest
 */
@JsonTypeName("calculator.change.requested")
public record CalculatorChangeRequested(String requestId, String actor, String actorRef, Long expectedVersion,
        List<ChangeOp> ops) implements EventPayload {
}
