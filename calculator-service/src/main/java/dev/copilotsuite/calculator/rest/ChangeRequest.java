package dev.copilotsuite.calculator.rest;

import java.util.List;

import dev.copilotsuite.events.calculator.ChangeOp;

/** A change batch posted by another service on behalf of a tenant's session. */
public record ChangeRequest(String tenantId, String requestId, String actor, String actorRef, Long expectedVersion,
        List<ChangeOp> ops) {
}
