package dev.copilotsuite.events.calculator;

import com.fasterxml.jackson.annotation.JsonTypeName;

import dev.copilotsuite.events.EventPayload;

/** Put a session's calculator back to the defaults, as a new version that can itself be undone. */
@JsonTypeName("calculator.reset.requested")
public record CalculatorResetRequested(String requestId, String actor, String actorRef, Long expectedVersion)
        implements EventPayload {
}
