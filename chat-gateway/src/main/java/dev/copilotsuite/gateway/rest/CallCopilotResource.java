package dev.copilotsuite.gateway.rest;

import java.time.Clock;
import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.copilotsuite.gateway.client.CopilotClient;
import dev.copilotsuite.gateway.security.Caller;
import dev.copilotsuite.gateway.security.SessionKeys;
import dev.copilotsuite.platform.security.Roles;
import io.smallrye.common.annotation.Blocking;

/**
 * Whether the live copilot is on for a call of the caller's tenant, as copilot-service holds it, so the desk's
 * switch shows the call's real state (also after a reload, or when another agent switched it):
 * {@code {callId, copilot: ENABLED|DISABLED|EXPIRED, enabledUntil, context, segments}}.
 */
@Path("/api/calls/{callId}/copilot")
@RolesAllowed(Roles.USER)
@Blocking
@Produces(MediaType.APPLICATION_JSON)
public class CallCopilotResource {

    private final CopilotClient copilot;
    private final ObjectMapper mapper;
    private final JsonWebToken token;
    private final Clock clock = Clock.systemUTC();

    public CallCopilotResource(@RestClient CopilotClient copilot, ObjectMapper mapper, JsonWebToken token) {
        this.copilot = copilot;
        this.mapper = mapper;
        this.token = token;
    }

    @GET
    public ObjectNode state(@PathParam("callId") String callId) {
        Caller caller = Requests.caller(token);
        if (!SessionKeys.validClientId(callId)) {
            throw Requests.refused(Response.Status.BAD_REQUEST, "INVALID_SESSION",
                    "A call id is 1 to 128 letters, digits, '.', '_' or '-'.");
        }
        JsonNode view;
        try {
            view = copilot.call(caller.tenantId(), caller.sessionKey(SessionKeys.Kind.CALL, callId));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                throw Requests.refused(Response.Status.NOT_FOUND, "NOT_FOUND", "No call " + callId + " is known.");
            }
            throw SessionResource.unavailable("copilot service", e);
        } catch (RuntimeException e) {
            throw SessionResource.unavailable("copilot service", e);
        }
        return describe(mapper, callId, view, clock.instant());
    }

    /**
     * copilot-service turns an idle copilot off lazily (on the call's next activity) and keeps the deadline it
     * missed, while an agent's switch-off clears it: so a deadline in the past, or one kept while off, means
     * the copilot expired.
     */
    static ObjectNode describe(ObjectMapper mapper, String callId, JsonNode view, Instant now) {
        boolean enabled = view.path("enabled").asBoolean(false);
        JsonNode deadline = view.path("enabledUntil");
        // Jackson writes an Instant as ISO text, or as decimal epoch seconds where timestamps are on.
        Instant until = deadline.isNumber() ? Instant.ofEpochMilli(Math.round(deadline.asDouble() * 1000))
                : deadline.isTextual() ? Instant.parse(deadline.asText()) : null;
        String state = until != null && (!enabled || now.isAfter(until)) ? "EXPIRED" : enabled ? "ENABLED" : "DISABLED";
        ObjectNode out = mapper.createObjectNode().put("callId", callId).put("copilot", state);
        out.put("enabledUntil", until == null ? null : until.toString());
        out.set("context", view.path("context").isMissingNode() ? null : view.get("context"));
        // How far copilot-service got: the socket shows lines as the webhook accepts them, before they are stored
        out.put("segments", view.path("transcript").size());
        return out;
    }
}
