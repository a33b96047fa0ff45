package dev.copilotsuite.document.client;

import java.time.temporal.ChronoUnit;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import dev.copilotsuite.events.calculator.CalculatorState;
import dev.copilotsuite.events.calculator.DriversView;
import dev.copilotsuite.events.calculator.ScenarioRequest;
import dev.copilotsuite.events.calculator.ScenarioResult;
import dev.copilotsuite.platform.rest.ApiError;
import dev.copilotsuite.platform.security.ServiceAuthFilter;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;

/**
 * calculator-service's internal endpoints for one state version, called with this service's token: the state,
 * its drivers, and a what-if evaluated on it. A document names the version it got from {@link #state}
 * to the other two, so every figure it prints belongs to that one version.
 */
@Path("/internal/sessions")
@RegisterRestClient(configKey = "calculator")
@RegisterProvider(ServiceAuthFilter.class)
public interface CalculatorClient {

    /**
     * The session's state at {@code version}, or its latest when null. Throws UnknownStateVersionException
     * when the calculator has no such version; retries only what another attempt can cure (IO, 5xx, timeouts).
     */
    @GET
    @Path("/{sessionId}/state")
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100,
            retryOn = {CalculatorUnavailableException.class, ProcessingException.class, TimeoutException.class})
    CalculatorState state(@PathParam("sessionId") String sessionId, @QueryParam("version") Long version);

    /** Peak decomposition, recovery factors and the +10% sensitivities of the session at {@code version}. */
    @GET
    @Path("/{sessionId}/drivers")
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100,
            retryOn = {CalculatorUnavailableException.class, ProcessingException.class, TimeoutException.class})
    DriversView drivers(@PathParam("sessionId") String sessionId, @QueryParam("version") long version);

    /**
     * The ops evaluated on the session at {@code version}, never applied. Throws ScenarioRejectedException
     * when the calculator refuses them (400: out of bounds, unknown input, too many ops).
     */
    @POST
    @Path("/{sessionId}/scenario")
    @Consumes("application/json")
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100,
            retryOn = {CalculatorUnavailableException.class, ProcessingException.class, TimeoutException.class})
    ScenarioResult scenario(@PathParam("sessionId") String sessionId, @QueryParam("version") long version,
            ScenarioRequest request);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        if (response.getStatus() == Response.Status.NOT_FOUND.getStatusCode()) {
            return new UnknownStateVersionException(messageOf(response, "calculator-service has no such state version."));
        }
        if (response.getStatus() == Response.Status.BAD_REQUEST.getStatusCode()) {
            return new ScenarioRejectedException(messageOf(response, "calculator-service refused the request."));
        }
        if (response.getStatus() >= 500) {
            return new CalculatorUnavailableException(response.getStatus());
        }
        return null;
    }

    private static String messageOf(Response response, String otherwise) {
        try {
            ApiError error = response.readEntity(ApiError.class);
            if (error != null && error.message() != null) {
                return error.message();
            }
        } catch (RuntimeException unreadable) {
            // a 404 or 400 without the calculator's error body still means what its status says
        }
        return otherwise;
    }
}
