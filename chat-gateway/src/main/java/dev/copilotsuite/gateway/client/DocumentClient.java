package dev.copilotsuite.gateway.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import dev.copilotsuite.platform.security.ServiceAuthFilter;

@RegisterRestClient(configKey = "document")
@RegisterProvider(ServiceAuthFilter.class)
@Path("/internal/sessions/{sessionId}/artifacts")
public interface DocumentClient {

    /** The session's artifacts, newest first, as document-service lists them. */
    @GET
    @Timeout(3000)
    com.fasterxml.jackson.databind.JsonNode list(@PathParam("sessionId") String sessionKey);

    /** The artifact's bytes and headers, or 404 when it is unknown or belongs to another session. */
    @GET
    @Path("/{artifactId}")
    @Timeout(10000)
    Response download(@PathParam("sessionId") String sessionKey, @PathParam("artifactId") String artifactId);
}
