package dev.copilotsuite.calculator.rest;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.Response;

import dev.copilotsuite.calculator.service.CalculatorService.Command;
import dev.copilotsuite.events.calculator.SessionCommand;
import dev.copilotsuite.platform.rest.ApiError;

/** What every command posted to a session must carry. */
final class Requests {

    private Requests() {
    }

    static Command command(SessionCommand request) {
        require(request != null, "a body");
        return command(request.tenantId(), request.requestId(), request.actor(), request.actorRef(),
                request.expectedVersion());
    }

    static Command command(String tenantId, String requestId, String actor, String actorRef, Long expectedVersion) {
        require(!blank(tenantId) && !blank(requestId) && !blank(actor), "tenantId, requestId and actor");
        return new Command(tenantId, requestId, actor, actorRef, expectedVersion);
    }

    static void require(boolean present, String what) {
        if (!present) {
            throw new BadRequestException(Response.status(Response.Status.BAD_REQUEST)
                    .entity(ApiError.of("MALFORMED_REQUEST", "The request needs " + what + ".")).build());
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
