package dev.copilotsuite.orchestrator.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import dev.copilotsuite.events.calculator.CalculatorState;
import dev.copilotsuite.events.calculator.ChangeRequest;
import dev.copilotsuite.events.calculator.ChangeResponse;
import dev.copilotsuite.events.calculator.DriversView;
import dev.copilotsuite.events.calculator.InputCatalogView;
import dev.copilotsuite.events.calculator.RecoveryComparison;
import dev.copilotsuite.events.calculator.ScenarioRequest;
import dev.copilotsuite.events.calculator.ScenarioResult;
import dev.copilotsuite.events.calculator.SessionCommand;
import dev.copilotsuite.platform.security.ServiceAuthFilter;

/**
 * calculator-service, which owns every figure. A change is retried safely: its request id makes a
 * second delivery a replay, not a second change. A 4xx (refused change, conflict) is never retried.
 */
@RegisterRestClient(configKey = "calculator")
@RegisterProvider(ServiceAuthFilter.class)
@Path("/internal")
public interface CalculatorClient {

    @GET
    @Path("/catalog")
    @Timeout(3000)
    @Retry(maxRetries = 3, delay = 300, abortOn = jakarta.ws.rs.WebApplicationException.class)
    InputCatalogView catalog();

    @GET
    @Path("/sessions/{sessionId}/state")
    @Timeout(3000)
    @Retry(maxRetries = 2, delay = 200, abortOn = jakarta.ws.rs.WebApplicationException.class)
    CalculatorState state(@PathParam("sessionId") String sessionId);

    @POST
    @Path("/sessions/{sessionId}/changes")
    @Timeout(5000)
    @Retry(maxRetries = 2, delay = 200, abortOn = jakarta.ws.rs.WebApplicationException.class)
    ChangeResponse change(@PathParam("sessionId") String sessionId, ChangeRequest request);

    @GET
    @Path("/sessions/{sessionId}/state")
    @Timeout(3000)
    @Retry(maxRetries = 2, delay = 200, abortOn = jakarta.ws.rs.WebApplicationException.class)
    CalculatorState stateAt(@PathParam("sessionId") String sessionId, @QueryParam("version") long version);

    @POST
    @Path("/sessions/{sessionId}/undo")
    @Timeout(5000)
    @Retry(maxRetries = 2, delay = 200, abortOn = jakarta.ws.rs.WebApplicationException.class)
    ChangeResponse undo(@PathParam("sessionId") String sessionId, SessionCommand request);

    @POST
    @Path("/sessions/{sessionId}/scenario")
    @Timeout(3000)
    @Retry(maxRetries = 2, delay = 200, abortOn = jakarta.ws.rs.WebApplicationException.class)
    ScenarioResult scenario(@PathParam("sessionId") String sessionId, ScenarioRequest request);

    @GET
    @Path("/sessions/{sessionId}/drivers")
    @Timeout(3000)
    @Retry(maxRetries = 2, delay = 200, abortOn = jakarta.ws.rs.WebApplicationException.class)
    DriversView drivers(@PathParam("sessionId") String sessionId);

    @GET
    @Path("/sessions/{sessionId}/drivers/recovery")
    @Timeout(3000)
    @Retry(maxRetries = 2, delay = 200, abortOn = jakarta.ws.rs.WebApplicationException.class)
    RecoveryComparison compareRecovery(@PathParam("sessionId") String sessionId, @QueryParam("a") String a,
            @QueryParam("b") String b);
}
