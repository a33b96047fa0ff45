package dev.copilotsuite.events.calculator;

import com.fasterxml.jackson.annotation.JsonTypeName;

import dev.copilotsuite.events.EventPayload;

/** Revert the last applied batch of a session (a user's undo in the UI). */
@JsonTypeName("calculator.undo.requested")
public record CalculatorUndoRequested(String requestId, String actor, String actorRef, Long expectedVersion)
        implements EventPayload {
}
