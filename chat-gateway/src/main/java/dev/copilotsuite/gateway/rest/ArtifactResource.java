package dev.copilotsuite.gateway.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.copilotsuite.gateway.client.DocumentClient;
import dev.copilotsuite.gateway.security.Caller;
import dev.copilotsuite.gateway.security.SessionKeys;
import dev.copilotsuite.platform.rest.ApiError;
import dev.copilotsuite.platform.security.Roles;
import io.smallrye.common.annotation.Blocking;

/** Downloads a generated document, for the owner of the chat session it was made in only. */
@Path("/api/sessions/{sessionId}/artifacts")
@RolesAllowed(Roles.USER)
@Blocking
public class ArtifactResource {

    private final DocumentClient documents;
    private final JsonWebToken token;

    public ArtifactResource(@RestClient DocumentClient documents, JsonWebToken token) {
        this.documents = documents;
        this.token = token;
    }

    public static String url(String clientSessionId, String artifactId) {
        return "/api/sessions/" + clientSessionId + "/artifacts/" + artifactId;
    }

    /** The session's documents, newest first, each with its download url. */
    @GET
    @jakarta.ws.rs.Produces(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
    public Response list(@PathParam("sessionId") String sessionId) {
        String key = Requests.chatKey(Requests.caller(token), sessionId);
        com.fasterxml.jackson.databind.JsonNode listed;
        try {
            listed = documents.list(key);
        } catch (RuntimeException e) {
            throw SessionResource.unavailable("document service", e);
        }
        com.fasterxml.jackson.databind.node.ArrayNode out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                .arrayNode();
        for (com.fasterxml.jackson.databind.JsonNode artifact : listed) {
            String id = artifact.path("artifactId").asText();
            out.addObject().put("artifactId", id).put("title", artifact.path("title").asText(null))
                    .put("kind", artifact.path("kind").asText(null))
                    .put("stateVersion", artifact.path("stateVersion").asLong())
                    .put("sizeBytes", artifact.path("sizeBytes").asLong())
                    .put("createdAt", artifact.path("createdAt").asText(null)).put("url", url(sessionId, id));
        }
        return Response.ok(out).build();
    }

    @GET
    @Path("/{artifactId}")
    public Response download(@PathParam("sessionId") String sessionId, @PathParam("artifactId") String artifactId) {
        Caller caller = Caller.of(token);
        if (caller == null) {
            return Response.status(Response.Status.FORBIDDEN)
                    .entity(ApiError.of("FORBIDDEN", "The token names no subject or tenant.")).build();
        }
        if (!SessionKeys.validClientId(sessionId) || !SessionKeys.validClientId(artifactId)) {
            return notFound();
        }
        try (Response upstream = documents.download(caller.sessionKey(SessionKeys.Kind.CHAT, sessionId), artifactId)) {
            byte[] body = upstream.readEntity(byte[].class);
            return Response.ok(body, upstream.getMediaType())
                    .header(HttpHeaders.CONTENT_DISPOSITION, upstream.getHeaderString(HttpHeaders.CONTENT_DISPOSITION))
                    .build();
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return notFound();
            }
            throw e;
        }
    }

    private static Response notFound() {
        return Response.status(Response.Status.NOT_FOUND)
                .entity(ApiError.of("UNKNOWN_ARTIFACT", "No such artifact in this session.")).build();
    }
}
