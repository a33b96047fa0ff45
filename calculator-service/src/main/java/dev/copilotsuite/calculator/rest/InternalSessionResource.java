package dev.copilotsuite.calculator.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.jboss.resteasy.reactive.RestResponse;

import dev.copilotsuite.calculator.service.CalculatorService;
import dev.copilotsuite.events.calculator.CalculatorState;
import dev.copilotsuite.calculator.service.ChangeOutcome;
import dev.copilotsuite.events.calculator.CalculatorChangeRequested;
import dev.copilotsuite.events.calculator.ChangeRequest;
import dev.copilotsuite.events.calculator.ChangeResponse;
import dev.copilotsuite.platform.rest.ApiError;
import dev.copilotsuite.platform.security.Roles;
import io.smallrye.common.annotation.Blocking;

/** Session state for the other services (orchestrator, gateway, document-service); never for browsers. */
@Path("/internal/sessions/{sessionId}")
@RolesAllowed(Roles.SERVICE)
@Blocking
public class InternalSessionResource {

    private final CalculatorService calculator;

    public InternalSessionResource(CalculatorService calculator) {
        this.calculator = calculator;
    }

    @GET
    @Path("/state")
    public CalculatorState state(@PathParam("sessionId") String sessionId, @QueryParam("version") Long version) {
        return version == null ? calculator.current(sessionId) : calculator.at(sessionId, version);
    }

    @POST
    @Path("/changes")
    public RestResponse<ChangeResponse> change(@PathParam("sessionId") String sessionId, ChangeRequest request) {
        if (request == null || blank(request.tenantId()) || blank(request.requestId()) || blank(request.actor())
                || request.ops() == null || request.ops().isEmpty()) {
            throw new BadRequestException(RestResponse.ResponseBuilder
                    .create(RestResponse.Status.BAD_REQUEST, ApiError.of("MALFORMED_REQUEST",
                            "tenantId, requestId, actor and a non-empty ops list are required."))
                    .build().toResponse());
        }
        ChangeOutcome outcome = calculator.apply(request.tenantId(), sessionId, new CalculatorChangeRequested(
                request.requestId(), request.actor(), request.actorRef(), request.expectedVersion(), request.ops()));
        return RestResponse.ok(new ChangeResponse(outcome.state(), outcome.changes(), outcome.replayed()));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
