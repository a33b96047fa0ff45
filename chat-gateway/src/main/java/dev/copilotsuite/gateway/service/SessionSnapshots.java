package dev.copilotsuite.gateway.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.copilotsuite.events.call.TranscriptLine;
import dev.copilotsuite.events.chat.ChatTurnView;
import dev.copilotsuite.gateway.client.CalculatorClient;
import dev.copilotsuite.gateway.client.CopilotClient;
import dev.copilotsuite.gateway.client.OrchestratorClient;

/**
 * What a client gets on joining a session without {@code lastSeq}: the session's current state from the
 * services that own it. A chat session: AG-UI STATE_SNAPSHOT (calculator) and MESSAGES_SNAPSHOT (the
 * orchestrator's thread). A call session: the stored transcript, customer card and suggestion cards.
 */
@ApplicationScoped
public class SessionSnapshots {

    private static final Logger LOG = Logger.getLogger(SessionSnapshots.class);

    private final CalculatorClient calculator;
    private final OrchestratorClient orchestrator;
    private final CopilotClient copilot;
    private final BrowserMessages messages;
    private final ObjectMapper mapper;

    public SessionSnapshots(@RestClient CalculatorClient calculator, @RestClient OrchestratorClient orchestrator,
            @RestClient CopilotClient copilot, BrowserMessages messages, ObjectMapper mapper) {
        this.calculator = calculator;
        this.orchestrator = orchestrator;
        this.copilot = copilot;
        this.messages = messages;
        this.mapper = mapper;
    }

    public List<ObjectNode> chat(String sessionKey, String clientSessionId) {
        List<ObjectNode> out = new ArrayList<>(2);
        try {
            out.add(messages.stateSnapshot(calculator.state(sessionKey)));
        } catch (RuntimeException e) {
            // Joined all the same: state deltas still arrive, and a rejoin fetches the snapshot again.
            LOG.warnf("session %s: no calculator snapshot: %s", sessionKey, e.getMessage());
            out.add(mapper.createObjectNode().put("type", "error").put("code", "CALCULATOR_UNAVAILABLE")
                    .put("message", "The calculator state could not be loaded; rejoin to retry."));
        }
        out.add(messages.messagesSnapshot(thread(sessionKey)));
        return out;
    }

    /** The stored turns, or none when the orchestrator cannot say (the live turns still arrive). */
    public List<ChatTurnView> thread(String sessionKey) {
        try {
            List<ChatTurnView> turns = orchestrator.thread(sessionKey);
            return turns == null ? List.of() : turns;
        } catch (RuntimeException e) {
            LOG.warnf("session %s: no thread from the orchestrator, an empty one is sent: %s", sessionKey, e.getMessage());
            return List.of();
        }
    }

    public List<ObjectNode> call(String tenantId, String sessionKey, String clientSessionId) {
        JsonNode view;
        try {
            view = copilot.call(tenantId, sessionKey);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return List.of(messages.transcript(clientSessionId, List.of())); // a call not heard of yet
            }
            return unavailable(sessionKey, e);
        } catch (RuntimeException e) {
            return unavailable(sessionKey, e);
        }
        List<ObjectNode> out = new ArrayList<>(3);
        List<TranscriptLine> lines = view.hasNonNull("transcript")
                ? mapper.convertValue(view.get("transcript"), new TypeReference<List<TranscriptLine>>() {
                })
                : List.of();
        out.add(messages.transcript(clientSessionId, lines));
        if (view.hasNonNull("customerFound")) {
            ObjectNode customer = mapper.createObjectNode().put("type", "customer_update");
            JsonNode context = view.path("context");
            customer.set("phone", context.path("phone").isMissingNode() ? null : context.get("phone"));
            customer.put("found", view.get("customerFound").asBoolean());
            customer.set("customer", view.get("customer"));
            out.add(customer);
        }
        if (view.hasNonNull("suggestions")) {
            ObjectNode suggestions = mapper.createObjectNode().put("type", "suggestion_update");
            suggestions.setAll((ObjectNode) view.get("suggestions"));
            out.add(suggestions);
        }
        return out;
    }

    private List<ObjectNode> unavailable(String sessionKey, RuntimeException e) {
        LOG.warnf("session %s: no call snapshot: %s", sessionKey, e.getMessage());
        return List.of(mapper.createObjectNode().put("type", "error").put("code", "UNAVAILABLE")
                .put("message", "The call's stored state could not be loaded; rejoin to retry."));
    }
}
