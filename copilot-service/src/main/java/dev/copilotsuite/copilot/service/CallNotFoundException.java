package dev.copilotsuite.copilot.service;

/** No event of the session ever reached the copilot, in the tenant asked for. */
public class CallNotFoundException extends RuntimeException {

    public CallNotFoundException(String tenantId, String sessionId) {
        super("Tenant " + tenantId + " has no call " + sessionId + ".");
    }
}
