package dev.copilotsuite.gateway.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.copilotsuite.events.EventEnvelope;
import dev.copilotsuite.events.calculator.CalculatorChangeRejected;
import dev.copilotsuite.events.calculator.CalculatorState;
import dev.copilotsuite.events.calculator.CalculatorStateChanged;
import dev.copilotsuite.events.calculator.InsightRaised;
import dev.copilotsuite.events.chat.ArtifactLink;
import dev.copilotsuite.events.chat.ChatReplied;
import dev.copilotsuite.events.chat.ChatReplyDelta;
import dev.copilotsuite.events.chat.ChatRunStarted;
import dev.copilotsuite.events.chat.ChatToolCalled;
import dev.copilotsuite.events.chat.ChatTurnView;
import dev.copilotsuite.events.call.CustomerUpdated;
import dev.copilotsuite.events.call.SuggestionsUpdated;
import dev.copilotsuite.events.call.TranscriptLine;
import dev.copilotsuite.events.call.TranscriptSegmentReceived;
import dev.copilotsuite.events.document.ArtifactReady;
import dev.copilotsuite.gateway.rest.ArtifactResource;

/**
 * Turns one internal event into the browser messages of docs/protocol.md, without any state of its own:
 * the same record gives the same messages on every replica and on every replay. Chat events become AG-UI
 * events ({@code @ag-ui/core} 1.0.0 field names) wrapped in {@code agui}; call and document events keep
 * their own types. {@code seq} and {@code sessionId} are added by the caller.
 */
@ApplicationScoped
public class BrowserMessages {

    /** Room for the messages one record may become, so {@code seq = offset * SLOTS + index} stays unique. */
    public static final int SLOTS = 8;

    private final ObjectMapper mapper;

    public BrowserMessages(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The messages an event becomes for the client that calls its session {@code clientSessionId}. */
    public List<ObjectNode> of(EventEnvelope<?> event, String clientSessionId) {
        Object payload = event.payload();
        List<ObjectNode> out = new ArrayList<>(4);
        long at = event.timestamp().toEpochMilli();
        if (payload instanceof ChatRunStarted run) {
            out.add(agui(aguiEvent("RUN_STARTED", at).put("threadId", clientSessionId).put("runId", run.replyTo())));
        } else if (payload instanceof ChatToolCalled tool) {
            out.addAll(toolCall(tool, at));
        } else if (payload instanceof ChatReplyDelta delta) {
            if (delta.index() == 0) {
                out.add(agui(aguiEvent("TEXT_MESSAGE_START", at).put("messageId", delta.messageId())
                        .put("role", "assistant")));
            }
            if (delta.delta() != null && !delta.delta().isEmpty()) {
                out.add(agui(aguiEvent("TEXT_MESSAGE_CONTENT", at).put("messageId", delta.messageId())
                        .put("delta", delta.delta())));
            }
        } else if (payload instanceof ChatReplied reply) {
            out.add(agui(aguiEvent("TEXT_MESSAGE_END", at).put("messageId", reply.messageId())));
            out.add(agui(runEnd(reply, clientSessionId, at)));
        } else if (payload instanceof CalculatorStateChanged changed) {
            ObjectNode delta = aguiEvent("STATE_DELTA", at);
            delta.set("delta", mapper.valueToTree(changed.patch() == null ? List.of() : changed.patch()));
            out.add(agui(delta));
        } else if (payload instanceof InsightRaised insight) {
            out.add(typed("calculator.insight", insight));
        } else if (payload instanceof CalculatorChangeRejected rejected) {
            out.add(typed("calculator.change.rejected", rejected));
        } else if (payload instanceof ArtifactReady artifact) {
            ObjectNode ready = message("artifact_ready").put("artifactId", artifact.artifactId())
                    .put("title", artifact.title()).put("stateVersion", artifact.stateVersion())
                    .put("sizeBytes", artifact.sizeBytes())
                    .put("url", ArtifactResource.url(clientSessionId, artifact.artifactId()));
            ready.put("kind", artifact.kind() == null ? null : artifact.kind().name());
            out.add(ready);
        } else if (payload instanceof TranscriptSegmentReceived segment) {
            // Straight from the webhook's topic: the line shows once Kafka holds it (docs/protocol.md)
            out.add(transcript(clientSessionId, List.of(segment.line())));
        } else if (payload instanceof CustomerUpdated customer) {
            out.add(typed("customer_update", customer));
        } else if (payload instanceof SuggestionsUpdated suggestions) {
            out.add(typed("suggestion_update", suggestions));
        }
        return out;
    }

    public ObjectNode transcript(String callId, List<TranscriptLine> lines) {
        ObjectNode message = message("transcript_update").put("callId", callId);
        ArrayNode array = message.putArray("lines");
        for (TranscriptLine line : lines) {
            ObjectNode node = array.addObject().put("segmentId", line.segmentId()).put("speaker", line.speaker())
                    .put("text", line.text()).put("partial", line.partial());
            if (line.beginOffsetMillis() != null) {
                node.put("offsetMillis", line.beginOffsetMillis());
            }
            if (line.sentiment() != null) {
                node.put("sentiment", line.sentiment());
            }
            if (line.categories() != null && !line.categories().isEmpty()) {
                node.set("categories", mapper.valueToTree(line.categories()));
            }
        }
        return message;
    }

    /** AG-UI STATE_SNAPSHOT: the state document STATE_DELTA patches apply to. */
    public ObjectNode stateSnapshot(CalculatorState state) {
        ObjectNode event = aguiEvent("STATE_SNAPSHOT", System.currentTimeMillis());
        event.putObject("snapshot").put("version", state.version())
                .<ObjectNode>set("inputs", mapper.valueToTree(state.inputs()))
                .set("outputs", mapper.valueToTree(state.outputs()));
        return agui(event);
    }

    /** AG-UI MESSAGES_SNAPSHOT of a stored thread: each turn is a user message and, if any, the reply. */
    public ObjectNode messagesSnapshot(List<ChatTurnView> turns) {
        ObjectNode event = aguiEvent("MESSAGES_SNAPSHOT", System.currentTimeMillis());
        ArrayNode messages = event.putArray("messages");
        for (ChatTurnView turn : turns) {
            messages.addObject().put("id", turn.messageId()).put("role", "user").put("content", turn.text());
            if (turn.reply() != null) {
                messages.addObject().put("id", turn.reply().messageId()).put("role", "assistant")
                        .put("content", turn.reply().text());
            }
        }
        return agui(event);
    }

    /** {@code RUN_FINISHED.result}: the turn's technical result, with download urls for the client's session. */
    public ObjectNode result(ChatReplied reply, String clientSessionId) {
        ObjectNode result = mapper.createObjectNode().put("reply", reply.text());
        result.set("routes", mapper.valueToTree(reply.routes()));
        result.put("error", reply.error()).put("brain", reply.brain());
        result.set("ops", mapper.valueToTree(reply.ops()));
        result.set("scenarioOps", mapper.valueToTree(reply.scenarioOps()));
        result.set("changes", mapper.valueToTree(reply.changes()));
        if (reply.stateVersion() == null) {
            result.putNull("stateVersion");
        } else {
            result.put("stateVersion", reply.stateVersion());
        }
        result.put("document", reply.document() == null ? null : reply.document().name());
        ArrayNode artifacts = result.putArray("artifacts");
        for (ArtifactLink link : reply.artifacts()) {
            artifacts.addObject().put("id", link.id()).put("title", link.title())
                    .put("kind", link.kind() == null ? null : link.kind().name())
                    .put("url", ArtifactResource.url(clientSessionId, link.id()));
        }
        return result;
    }

    private ObjectNode runEnd(ChatReplied reply, String clientSessionId, long at) {
        if (reply.failed()) {
            return aguiEvent("RUN_ERROR", at).put("message", reply.text() == null ? "The turn failed." : reply.text())
                    .put("code", "TURN_FAILED");
        }
        ObjectNode finished = aguiEvent("RUN_FINISHED", at).put("threadId", clientSessionId).put("runId", reply.replyTo());
        finished.set("result", result(reply, clientSessionId));
        return finished;
    }

    private List<ObjectNode> toolCall(ChatToolCalled tool, long at) {
        String id = tool.toolCallId();
        List<ObjectNode> events = new ArrayList<>(4);
        events.add(agui(aguiEvent("TOOL_CALL_START", at).put("toolCallId", id).put("toolCallName", tool.name())));
        if (tool.argsJson() != null && !tool.argsJson().isEmpty()) {
            events.add(agui(aguiEvent("TOOL_CALL_ARGS", at).put("toolCallId", id).put("delta", tool.argsJson())));
        }
        events.add(agui(aguiEvent("TOOL_CALL_END", at).put("toolCallId", id)));
        // The tool's result is a message of its own in AG-UI; its id derives from the call so a replay says the same.
        events.add(agui(aguiEvent("TOOL_CALL_RESULT", at).put("messageId", "tool-" + id).put("toolCallId", id)
                .put("content", tool.resultJson() == null ? "" : tool.resultJson()).put("role", "tool")));
        return events;
    }

    private ObjectNode aguiEvent(String type, long at) {
        return mapper.createObjectNode().put("type", type).put("timestamp", at);
    }

    private ObjectNode agui(ObjectNode event) {
        ObjectNode message = message("agui");
        message.set("event", event);
        return message;
    }

    private ObjectNode typed(String type, Object payload) {
        ObjectNode message = message(type);
        message.setAll((ObjectNode) mapper.valueToTree(payload));
        return message;
    }

    private ObjectNode message(String type) {
        return mapper.createObjectNode().put("type", type);
    }
}
