package dev.copilotsuite.gateway.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import dev.copilotsuite.gateway.client.CopilotClient;
import dev.copilotsuite.gateway.security.Caller;
import dev.copilotsuite.platform.security.Roles;
import io.smallrye.common.annotation.Blocking;

/** The caller's tenant's active calls, as copilot-service knows them; never another tenant's. */
@Path("/api/calls")
@RolesAllowed(Roles.USER)
@Blocking
public class CallsResource {

    private final CopilotClient copilot;
    private final JsonWebToken token;

    public CallsResource(@RestClient CopilotClient copilot, JsonWebToken token) {
        this.copilot = copilot;
        this.token = token;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response active() {
        Caller caller = Requests.caller(token);
        JsonNode calls;
        try {
            calls = copilot.activeCalls(caller.tenantId(), true);
        } catch (RuntimeException e) {
            throw SessionResource.unavailable("copilot service", e);
        }
        return Response.ok(calls).build();
    }
}
