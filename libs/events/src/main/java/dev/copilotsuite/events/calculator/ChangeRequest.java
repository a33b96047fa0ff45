package dev.copilotsuite.events.calculator;

import java.util.List;

/** A change batch posted to calculator-service by another service, on behalf of a tenant's session. */
public record ChangeRequest(String tenantId, String requestId, String actor, String actorRef, Long expectedVersion,
        List<ChangeOp> ops) {
}
