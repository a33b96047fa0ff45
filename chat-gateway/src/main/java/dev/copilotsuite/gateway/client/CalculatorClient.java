package dev.copilotsuite.gateway.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import dev.copilotsuite.events.calculator.CalculatorState;
import dev.copilotsuite.platform.security.ServiceAuthFilter;

@RegisterRestClient(configKey = "calculator")
@RegisterProvider(ServiceAuthFilter.class)
@Path("/internal/sessions/{sessionId}")
public interface CalculatorClient {

    @GET
    @Path("/state")
    @Timeout(3000)
    @Retry(maxRetries = 2, delay = 200, abortOn = jakarta.ws.rs.WebApplicationException.class)
    CalculatorState state(@PathParam("sessionId") String sessionKey);
}
