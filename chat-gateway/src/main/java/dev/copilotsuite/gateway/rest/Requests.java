package dev.copilotsuite.gateway.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.copilotsuite.gateway.security.Caller;
import dev.copilotsuite.gateway.security.SessionKeys;
import dev.copilotsuite.platform.rest.ApiError;

/** What every public REST endpoint checks first: who calls, which of their sessions, and a parsable body. */
final class Requests {

    static final int MAX_BODY_BYTES = 64 * 1024;

    static Caller caller(JsonWebToken token) {
        Caller caller = Caller.of(token);
        if (caller == null) {
            throw refused(Response.Status.FORBIDDEN, "FORBIDDEN", "The token names no subject or tenant.");
        }
        return caller;
    }

    static String chatKey(Caller caller, String sessionId) {
        if (!SessionKeys.validClientId(sessionId)) {
            throw refused(Response.Status.BAD_REQUEST, "INVALID_SESSION",
                    "A session id is 1 to 128 letters, digits, '.', '_' or '-'.");
        }
        return caller.sessionKey(SessionKeys.Kind.CHAT, sessionId);
    }

    static JsonNode object(ObjectMapper mapper, String body) {
        if (body == null || body.isBlank()) {
            throw refused(Response.Status.BAD_REQUEST, "MALFORMED_REQUEST", "The body must be a JSON object.");
        }
        if (body.length() > MAX_BODY_BYTES) {
            throw refused(Response.Status.REQUEST_ENTITY_TOO_LARGE, "TOO_LARGE", "The body is larger than 64 KB.");
        }
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || !node.isObject()) {
                throw refused(Response.Status.BAD_REQUEST, "MALFORMED_REQUEST", "The body must be a JSON object.");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw refused(Response.Status.BAD_REQUEST, "MALFORMED_REQUEST",
                    "The body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** An optional string field: null when absent, refused when of another type. */
    static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw refused(Response.Status.BAD_REQUEST, "INVALID_FIELD", "'" + field + "' must be a string.");
        }
        return value.asText();
    }

    static WebApplicationException refused(Response.Status status, String code, String message) {
        return new WebApplicationException(Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(ApiError.of(code, message)).build());
    }

    private Requests() {
    }
}
