package dev.copilotsuite.gateway.rest;

import java.util.concurrent.CompletionStage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.copilotsuite.events.EventEnvelope;
import dev.copilotsuite.events.chat.ChatTurnView;
import dev.copilotsuite.gateway.client.CalculatorClient;
import dev.copilotsuite.gateway.client.OrchestratorClient;
import dev.copilotsuite.gateway.security.Caller;
import dev.copilotsuite.gateway.security.SessionKeys;
import dev.copilotsuite.gateway.service.BrowserMessages;
import dev.copilotsuite.gateway.service.ChatTurns;
import dev.copilotsuite.gateway.service.CommandPublisher;
import dev.copilotsuite.platform.rest.ApiError;
import dev.copilotsuite.platform.security.Roles;
import io.smallrye.common.annotation.Blocking;

/** A user's own chat session over REST (docs/protocol.md, "REST"). */
@Path("/api/sessions/{sessionId}")
@RolesAllowed(Roles.USER)
@Blocking
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    private static final Logger LOG = Logger.getLogger(SessionResource.class);
    static final int MAX_CHAT_LENGTH = 4000;

    private final ChatTurns turns;
    private final BrowserMessages messages;
    private final OrchestratorClient orchestrator;
    private final CalculatorClient calculator;
    private final ObjectMapper mapper;
    private final JsonWebToken token;

    public SessionResource(ChatTurns turns, BrowserMessages messages, @RestClient OrchestratorClient orchestrator,
            @RestClient CalculatorClient calculator, ObjectMapper mapper, JsonWebToken token) {
        this.turns = turns;
        this.messages = messages;
        this.orchestrator = orchestrator;
        this.calculator = calculator;
        this.mapper = mapper;
        this.token = token;
    }

    /** Sends a message and answers once the turn completed: request/reply over Kafka, bounded by a timeout. */
    @POST
    @Path("/chat")
    @Consumes(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> chat(@PathParam("sessionId") String sessionId, String body) {
        Caller caller = Requests.caller(token);
        String key = Requests.chatKey(caller, sessionId);
        JsonNode request = Requests.object(mapper, body);
        String text = Requests.text(request, "text");
        String messageId = Requests.text(request, "messageId");
        if (text == null || text.isBlank() || text.length() > MAX_CHAT_LENGTH) {
            throw Requests.refused(Response.Status.BAD_REQUEST, "INVALID_FIELD",
                    "'text' is required, at most " + MAX_CHAT_LENGTH + " characters.");
        }
        if (messageId != null && !SessionKeys.validClientId(messageId)) {
            throw Requests.refused(Response.Status.BAD_REQUEST, "INVALID_FIELD",
                    "'messageId' is 1 to 128 letters, digits, '.', '_' or '-'.");
        }
        String runId = messageId == null ? EventEnvelope.newId() : messageId;
        // Waits without holding a thread: the reply arrives on the consumer's thread.
        return turns.run(caller, key, runId, text, event -> {
        }).handle((outcome, failure) -> {
            if (failure != null) {
                LOG.errorf(failure, "session %s: the message could not be published", key);
                return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                        .entity(ApiError.of("UNAVAILABLE", "The message could not be sent; try again.")).build();
            }
            if (outcome.timedOut()) {
                return Response.status(Response.Status.GATEWAY_TIMEOUT)
                        .entity(ApiError.of("TIMEOUT", "The copilot did not answer in time; the turn may still "
                                + "complete and will show in the thread.")).build();
            }
            if (outcome.reply().failed()) {
                return Response.status(Response.Status.BAD_GATEWAY)
                        .entity(ApiError.of("TURN_FAILED", outcome.reply().text())).build();
            }
            ObjectNode result = messages.result(outcome.reply(), sessionId);
            result.put("messageId", runId);
            return Response.ok(result).build();
        });
    }

    /** The stored turns, oldest first. */
    @GET
    @Path("/thread")
    public Response thread(@PathParam("sessionId") String sessionId) {
        String key = Requests.chatKey(Requests.caller(token), sessionId);
        ArrayNode out = mapper.createArrayNode();
        try {
            for (ChatTurnView turn : orchestrator.thread(key)) {
                ObjectNode node = out.addObject().put("messageId", turn.messageId()).put("userId", turn.userId())
                        .put("text", turn.text()).put("at", turn.at() == null ? null : turn.at().toString());
                node.set("reply", turn.reply() == null ? null : reply(turn, sessionId));
            }
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Response.ok(out).build(); // no turn yet
            }
            throw unavailable("orchestrator", e);
        } catch (RuntimeException e) {
            throw unavailable("orchestrator", e);
        }
        return Response.ok(out).build();
    }

    /** {@code {version, inputs, outputs}}: the document STATE_DELTA patches apply to. */
    @GET
    @Path("/calculator")
    public Response calculator(@PathParam("sessionId") String sessionId) {
        String key = Requests.chatKey(Requests.caller(token), sessionId);
        try {
            return Response.ok(messages.stateSnapshot(calculator.state(key)).path("event").path("snapshot")).build();
        } catch (RuntimeException e) {
            throw unavailable("calculator", e);
        }
    }

    private ObjectNode reply(ChatTurnView turn, String sessionId) {
        ObjectNode reply = messages.result(turn.reply(), sessionId);
        reply.put("messageId", turn.reply().messageId()).put("failed", turn.reply().failed());
        return reply;
    }

    static WebApplicationException unavailable(String service, RuntimeException e) {
        Logger.getLogger(SessionResource.class).warnf("%s unavailable: %s", service, e.getMessage());
        return Requests.refused(Response.Status.SERVICE_UNAVAILABLE, "UNAVAILABLE",
                "The " + service + " cannot answer now; try again.");
    }
}
