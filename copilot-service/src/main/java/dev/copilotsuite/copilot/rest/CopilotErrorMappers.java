package dev.copilotsuite.copilot.rest;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.copilotsuite.copilot.service.CallNotFoundException;
import dev.copilotsuite.platform.rest.ApiError;

public class CopilotErrorMappers {

    @ServerExceptionMapper
    public Response callNotFound(CallNotFoundException e) {
        return Response.status(Response.Status.NOT_FOUND).entity(ApiError.of("CALL_NOT_FOUND", e.getMessage())).build();
    }
}
