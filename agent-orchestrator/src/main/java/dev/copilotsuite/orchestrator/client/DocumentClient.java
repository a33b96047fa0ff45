package dev.copilotsuite.orchestrator.client;

import java.util.List;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import dev.copilotsuite.events.document.DocumentScenario;
import dev.copilotsuite.platform.security.ServiceAuthFilter;

/**
 * document-service, asked synchronously so the chat reply can list the artifact (the original's
 * pending_artifacts). The request id makes a retry return the same artifact, never a second one.
 */
@RegisterRestClient(configKey = "document")
@RegisterProvider(ServiceAuthFilter.class)
@Path("/internal/sessions/{sessionId}")
public interface DocumentClient {

    record Request(String tenantId, String requestId, String kind, Long stateVersion, String requestedBy,
            List<DocumentScenario> scenarios) {
    }

    /** The part of document-service's artifact metadata the chat needs. */
    record Artifact(String artifactId, String title, String kind, Long stateVersion) {
    }

    @POST
    @Path("/documents")
    @Timeout(10000)
    @Retry(maxRetries = 1, delay = 300, abortOn = jakarta.ws.rs.WebApplicationException.class)
    Artifact generate(@PathParam("sessionId") String sessionId, Request request);
}
