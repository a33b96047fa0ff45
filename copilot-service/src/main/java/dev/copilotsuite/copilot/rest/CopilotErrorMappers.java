package dev.copilotsuite.copilot.rest;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.copilotsuite.copilot.service.CallNotFoundException;
import dev.copilotsuite.copilot.service.CorpusFormatException;
import dev.copilotsuite.platform.rest.ApiError;

public class CopilotErrorMappers {

    @ServerExceptionMapper
    public Response callNotFound(CallNotFoundException e) {
        return Response.status(Response.Status.NOT_FOUND).entity(ApiError.of("CALL_NOT_FOUND", e.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response invalidDocument(CorpusFormatException e) {
        return Response.status(Response.Status.BAD_REQUEST).entity(ApiError.of("INVALID_POLICY_DOCUMENT", e.getMessage()))
                .build();
    }
}
