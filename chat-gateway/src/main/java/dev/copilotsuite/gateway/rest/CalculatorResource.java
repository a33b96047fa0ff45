package dev.copilotsuite.gateway.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.copilotsuite.gateway.client.CalculatorClient;
import dev.copilotsuite.platform.rest.ApiError;
import dev.copilotsuite.platform.security.Roles;
import io.smallrye.common.annotation.Blocking;

/** The calculator's public, stateless API (shared/design/interfaces.md); nothing is stored. */
@Path("/api/calculator")
@RolesAllowed(Roles.USER)
@Blocking
public class CalculatorResource {

    static final int MAX_BODY_BYTES = 64 * 1024;

    private final CalculatorClient calculator;

    public CalculatorResource(@RestClient CalculatorClient calculator) {
        this.calculator = calculator;
    }

    /** Every input: key, label, unit, default, bounds, description, synonyms. */
    @jakarta.ws.rs.GET
    @Path("/catalog")
    @Produces(MediaType.APPLICATION_JSON)
    public Response catalog() {
        try {
            return Response.ok(calculator.catalog(), MediaType.APPLICATION_JSON).build();
        } catch (RuntimeException e) {
            throw SessionResource.unavailable("calculator", e);
        }
    }

    @POST
    @Path("/evaluate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response evaluate(String inputs) {
        if (inputs == null || inputs.isBlank()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(ApiError.of("MALFORMED_REQUEST", "The body must be a JSON object of inputs.")).build();
        }
        if (inputs.length() > MAX_BODY_BYTES) {
            return Response.status(Response.Status.REQUEST_ENTITY_TOO_LARGE)
                    .entity(ApiError.of("TOO_LARGE", "The body is larger than 64 KB."))
                    .build();
        }
        try (Response upstream = calculator.evaluate(inputs)) {
            return Response.ok(upstream.readEntity(String.class), MediaType.APPLICATION_JSON).build();
        } catch (WebApplicationException e) {
            // The calculator's refusal (status and ApiError) is the answer the user needs, unchanged.
            Response refused = e.getResponse();
            return Response.status(refused.getStatus()).entity(refused.readEntity(String.class))
                    .type(MediaType.APPLICATION_JSON).build();
        }
    }
}
