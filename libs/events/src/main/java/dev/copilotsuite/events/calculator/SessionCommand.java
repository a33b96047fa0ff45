package dev.copilotsuite.events.calculator;

/** An undo or a reset posted to calculator-service on behalf of a tenant's session. */
public record SessionCommand(String tenantId, String requestId, String actor, String actorRef, Long expectedVersion) {
}
