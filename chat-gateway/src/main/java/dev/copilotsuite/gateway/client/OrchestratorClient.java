package dev.copilotsuite.gateway.client;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import dev.copilotsuite.events.chat.ChatTurnView;
import dev.copilotsuite.platform.security.ServiceAuthFilter;

@RegisterRestClient(configKey = "orchestrator")
@RegisterProvider(ServiceAuthFilter.class)
@Path("/internal/sessions/{sessionId}")
public interface OrchestratorClient {

    /** The session's stored turns, oldest first. */
    @GET
    @Path("/thread")
    @Timeout(3000)
    List<ChatTurnView> thread(@PathParam("sessionId") String sessionKey);
}
