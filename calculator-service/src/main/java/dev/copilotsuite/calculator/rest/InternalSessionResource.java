package dev.copilotsuite.calculator.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import dev.copilotsuite.calculator.service.CalculatorService;
import dev.copilotsuite.calculator.service.CalculatorService.Command;
import dev.copilotsuite.calculator.service.ChangeOutcome;
import dev.copilotsuite.events.calculator.CalculatorState;
import dev.copilotsuite.events.calculator.ChangeRequest;
import dev.copilotsuite.events.calculator.ChangeResponse;
import dev.copilotsuite.events.calculator.HistoryEntry;
import dev.copilotsuite.events.calculator.SessionCommand;
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

    @GET
    @Path("/history")
    public List<HistoryEntry> history(@PathParam("sessionId") String sessionId) {
        return calculator.history(sessionId);
    }

    @POST
    @Path("/changes")
    public ChangeResponse change(@PathParam("sessionId") String sessionId, ChangeRequest request) {
        Requests.require(request != null && request.ops() != null && !request.ops().isEmpty(), "a non-empty ops list");
        Command command = Requests.command(request.tenantId(), request.requestId(), request.actor(), request.actorRef(),
                request.expectedVersion());
        return response(calculator.apply(sessionId, command, request.ops()));
    }

    @POST
    @Path("/undo")
    public ChangeResponse undo(@PathParam("sessionId") String sessionId, SessionCommand request) {
        return response(calculator.undo(sessionId, Requests.command(request)));
    }

    @POST
    @Path("/reset")
    public ChangeResponse reset(@PathParam("sessionId") String sessionId, SessionCommand request) {
        return response(calculator.reset(sessionId, Requests.command(request)));
    }

    private static ChangeResponse response(ChangeOutcome outcome) {
        return new ChangeResponse(outcome.state(), outcome.changes(), outcome.replayed());
    }
}
