package dev.copilotsuite.gateway.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.copilotsuite.events.calculator.DriversView;
import dev.copilotsuite.gateway.client.CalculatorClient;
import dev.copilotsuite.platform.security.Roles;
import io.smallrye.common.annotation.Blocking;

/**
 * The caller's own calculator drivers (the sensitivity tornado): the session key comes from the token, exactly
 * as for {@code /api/sessions/{id}/calculator}, so a user only ever reads a session of their own.
 */
@Path("/api/sessions/{sessionId}/drivers")
@RolesAllowed(Roles.USER)
@Blocking
@Produces(MediaType.APPLICATION_JSON)
public class DriversResource {

    private final CalculatorClient calculator;
    private final JsonWebToken token;

    public DriversResource(@RestClient CalculatorClient calculator, JsonWebToken token) {
        this.calculator = calculator;
        this.token = token;
    }

    @GET
    public DriversView drivers(@PathParam("sessionId") String sessionId) {
        String key = Requests.chatKey(Requests.caller(token), sessionId);
        try {
            return calculator.drivers(key);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                throw Requests.refused(Response.Status.NOT_FOUND, "NOT_FOUND", "The calculator has no state for this session.");
            }
            throw SessionResource.unavailable("calculator", e);
        } catch (RuntimeException e) {
            throw SessionResource.unavailable("calculator", e);
        }
    }
}
