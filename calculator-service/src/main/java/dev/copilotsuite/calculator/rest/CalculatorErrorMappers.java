package dev.copilotsuite.calculator.rest;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.copilotsuite.calculator.model.ChangeRejectedException;
import dev.copilotsuite.calculator.model.GoalSeekException;
import dev.copilotsuite.calculator.service.NothingToUndoException;
import dev.copilotsuite.calculator.service.UnknownVersionException;
import dev.copilotsuite.calculator.service.VersionConflictException;
import dev.copilotsuite.platform.rest.ApiError;

public class CalculatorErrorMappers {

    @ServerExceptionMapper
    public Response rejected(ChangeRejectedException e) {
        return Response.status(Response.Status.BAD_REQUEST)
                .entity(new ApiError(e.code(), e.getMessage(), e.path(), e.value(), e.min(), e.max())).build();
    }

    @ServerExceptionMapper
    public Response goalSeek(GoalSeekException e) {
        return Response.status(Response.Status.BAD_REQUEST).entity(ApiError.of(e.code(), e.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response conflict(VersionConflictException e) {
        return Response.status(Response.Status.CONFLICT).entity(ApiError.of("VERSION_CONFLICT", e.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response nothingToUndo(NothingToUndoException e) {
        return Response.status(Response.Status.CONFLICT).entity(ApiError.of("NOTHING_TO_UNDO", e.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response unknownVersion(UnknownVersionException e) {
        return Response.status(Response.Status.NOT_FOUND).entity(ApiError.of("UNKNOWN_VERSION", e.getMessage())).build();
    }
}
