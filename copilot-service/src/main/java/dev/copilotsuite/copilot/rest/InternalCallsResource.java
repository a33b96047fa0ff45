package dev.copilotsuite.copilot.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import dev.copilotsuite.copilot.service.ActiveCall;
import dev.copilotsuite.copilot.service.CallService;
import dev.copilotsuite.platform.rest.ApiError;
import dev.copilotsuite.platform.security.Roles;
import io.smallrye.common.annotation.Blocking;

/** The tenant's calls for the agent desk's list (the gateway serves it as /api/calls); never for browsers directly. */
@Path("/internal/tenants/{tenantId}/calls")
@RolesAllowed(Roles.SERVICE)
@Blocking
public class InternalCallsResource {

    private final CallService calls;

    public InternalCallsResource(CallService calls) {
        this.calls = calls;
    }

    @GET
    public Response calls(@PathParam("tenantId") String tenantId, @QueryParam("active") @DefaultValue("true") String active,
            @QueryParam("limit") @DefaultValue("100") String limit) {
        if (!active.equals("true") && !active.equals("false")) {
            return invalid("active", "active is true or false, not '" + active + "'");
        }
        int max;
        try {
            max = Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            max = 0;
        }
        if (max < 1 || max > 500) {
            return invalid("limit", "limit is a whole number from 1 to 500, not '" + limit + "'");
        }
        List<ActiveCall> found = calls.calls(tenantId, Boolean.parseBoolean(active), max);
        return Response.ok(found).build();
    }

    private static Response invalid(String path, String message) {
        return Response.status(Response.Status.BAD_REQUEST)
                .entity(new ApiError("INVALID_QUERY", message, path, null, null, null)).build();
    }
}
