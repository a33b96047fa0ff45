package dev.copilotsuite.copilot.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import dev.copilotsuite.copilot.service.CallService;
import dev.copilotsuite.copilot.service.CallView;
import dev.copilotsuite.platform.security.Roles;
import io.smallrye.common.annotation.Blocking;

/** A call's current state for the gateway, when an agent's screen (re)connects; never for browsers. */
@Path("/internal/tenants/{tenantId}/calls/{sessionId}")
@RolesAllowed(Roles.SERVICE)
@Blocking
public class InternalCallResource {

    private final CallService calls;

    public InternalCallResource(CallService calls) {
        this.calls = calls;
    }

    @GET
    public CallView call(@PathParam("tenantId") String tenantId, @PathParam("sessionId") String sessionId) {
        return calls.view(tenantId, sessionId);
    }
}
