package dev.copilotsuite.gateway.rest;

import java.util.concurrent.CompletableFuture;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestStreamElementType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.copilotsuite.gateway.security.Caller;
import dev.copilotsuite.gateway.security.SessionKeys;
import dev.copilotsuite.gateway.service.ChatTurns;
import io.smallrye.mutiny.Multi;

/**
 * AG-UI over HTTP, for an {@code HttpAgent}: a RunAgentInput in (threadId = the chat session id, runId = the
 * message id, the last user message is the one sent), the run's AG-UI events out as Server-Sent Events, one
 * per {@code data:} line, ending after RUN_FINISHED or RUN_ERROR.
 */
@Path("/api/agui")
@RolesAllowed(dev.copilotsuite.platform.security.Roles.USER)
public class AguiResource {

    private final ChatTurns turns;
    private final ObjectMapper mapper;
    private final JsonWebToken token;

    public AguiResource(ChatTurns turns, ObjectMapper mapper, JsonWebToken token) {
        this.turns = turns;
        this.mapper = mapper;
        this.token = token;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<JsonNode> run(String body) {
        Caller caller = Requests.caller(token);
        JsonNode input = Requests.object(mapper, body);
        String threadId = Requests.text(input, "threadId");
        String runId = Requests.text(input, "runId");
        String key = Requests.chatKey(caller, threadId);
        if (!SessionKeys.validClientId(runId)) {
            throw Requests.refused(Response.Status.BAD_REQUEST, "INVALID_FIELD",
                    "'runId' is required: 1 to 128 letters, digits, '.', '_' or '-'.");
        }
        String text = lastUserText(input.get("messages"));
        return Multi.createFrom().emitter(emitter -> {
            CompletableFuture<ChatTurns.Outcome> turn = turns.run(caller, key, runId, text, event -> {
                emitter.emit(event);
                String type = event.path("type").asText();
                if (type.equals("RUN_FINISHED") || type.equals("RUN_ERROR")) {
                    emitter.complete();
                }
            });
            turn.whenComplete((outcome, failure) -> {
                if (failure != null || outcome.timedOut()) {
                    emitter.emit(mapper.createObjectNode().put("type", "RUN_ERROR")
                            .put("timestamp", System.currentTimeMillis())
                            .put("message", failure != null ? "The message could not be sent; try again."
                                    : "The copilot did not answer in time.")
                            .put("code", failure != null ? "UNAVAILABLE" : "TIMEOUT"));
                    emitter.complete();
                }
            });
            // A client that goes away stops the listening (the turn itself goes on and is stored).
            emitter.onTermination(() -> turn.complete(new ChatTurns.Outcome(null)));
        });
    }

    /** The text of the last message with role user: a string, or the text parts of a content list. */
    private static String lastUserText(JsonNode messages) {
        if (messages == null || !messages.isArray()) {
            throw Requests.refused(Response.Status.BAD_REQUEST, "INVALID_FIELD", "'messages' must be a list.");
        }
        for (int i = messages.size() - 1; i >= 0; i--) {
            JsonNode message = messages.get(i);
            if (!"user".equals(message.path("role").asText())) {
                continue;
            }
            JsonNode content = message.get("content");
            String text = null;
            if (content != null && content.isTextual()) {
                text = content.asText();
            } else if (content != null && content.isArray()) {
                StringBuilder joined = new StringBuilder();
                content.forEach(part -> {
                    if ("text".equals(part.path("type").asText())) {
                        joined.append(part.path("text").asText());
                    }
                });
                text = joined.toString();
            }
            if (text == null || text.isBlank() || text.length() > SessionResource.MAX_CHAT_LENGTH) {
                throw Requests.refused(Response.Status.BAD_REQUEST, "INVALID_FIELD", "The last user message needs a "
                        + "text of 1 to " + SessionResource.MAX_CHAT_LENGTH + " characters.");
            }
            return text;
        }
        throw Requests.refused(Response.Status.BAD_REQUEST, "INVALID_FIELD", "'messages' has no user message.");
    }
}
