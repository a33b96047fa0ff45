package dev.copilotsuite.gateway.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

import dev.copilotsuite.platform.security.ServiceAuthFilter;

@RegisterRestClient(configKey = "copilot")
@RegisterProvider(ServiceAuthFilter.class)
@Path("/internal/tenants/{tenantId}")
public interface CopilotClient {

    /**
     * A call's stored state (copilot-service's CallView: transcript, customerFound, customer, suggestions);
     * 404 for a call it has not seen.
     */
    @GET
    @Path("/calls/{sessionId}")
    @Timeout(3000)
    JsonNode call(@PathParam("tenantId") String tenantId, @PathParam("sessionId") String sessionKey);

    /** The tenant's active calls (served by copilot-service once its branch lands). */
    @GET
    @Path("/calls")
    @Timeout(3000)
    JsonNode activeCalls(@PathParam("tenantId") String tenantId, @jakarta.ws.rs.QueryParam("active") boolean active);
}
