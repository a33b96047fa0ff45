package dev.copilotsuite.gateway.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import dev.copilotsuite.events.calculator.CalculatorState;
import dev.copilotsuite.events.calculator.DriversView;
import dev.copilotsuite.platform.security.ServiceAuthFilter;

@RegisterRestClient(configKey = "calculator")
@RegisterProvider(ServiceAuthFilter.class)
@Path("/internal")
public interface CalculatorClient {

    @GET
    @Path("/sessions/{sessionId}/state")
    @Timeout(3000)
    @Retry(maxRetries = 2, delay = 200, abortOn = jakarta.ws.rs.WebApplicationException.class)
    CalculatorState state(@PathParam("sessionId") String sessionKey);

    /** How much each input moves net recovery and the peak (the tornado chart), and the figures' decompositions. */
    @GET
    @Path("/sessions/{sessionId}/drivers")
    @Produces(MediaType.APPLICATION_JSON)
    @Timeout(3000)
    @Retry(maxRetries = 2, delay = 200, abortOn = jakarta.ws.rs.WebApplicationException.class)
    DriversView drivers(@PathParam("sessionId") String sessionKey);

    /** Every input: key, label, unit, default, bounds, description, synonyms. */
    @GET
    @Path("/catalog")
    @Produces(MediaType.APPLICATION_JSON)
    @Timeout(3000)
    @Retry(maxRetries = 2, delay = 200, abortOn = jakarta.ws.rs.WebApplicationException.class)
    String catalog();

    /** Stateless; a refused input set comes back as the calculator's 400 with its ApiError. */
    @POST
    @Path("/evaluate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Timeout(3000)
    @Retry(maxRetries = 2, delay = 200, abortOn = jakarta.ws.rs.WebApplicationException.class)
    Response evaluate(String inputs);
}
