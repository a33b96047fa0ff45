package dev.copilotsuite.gateway.websocket;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;

import dev.copilotsuite.events.calculator.ChangeOp;
import dev.copilotsuite.gateway.security.SessionKeys;

/** What a browser sends over its socket; {@code type} names the message. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(ClientMessage.Join.class),
        @JsonSubTypes.Type(ClientMessage.Leave.class),
        @JsonSubTypes.Type(ClientMessage.Chat.class),
        @JsonSubTypes.Type(ClientMessage.CalculatorChange.class),
        @JsonSubTypes.Type(ClientMessage.CalculatorUndo.class),
        @JsonSubTypes.Type(ClientMessage.CalculatorReset.class),
        @JsonSubTypes.Type(ClientMessage.CopilotEnable.class),
        @JsonSubTypes.Type(ClientMessage.CopilotDisable.class),
        @JsonSubTypes.Type(ClientMessage.Ping.class)
})
public sealed interface ClientMessage {

    /** Every message but ping names the session it is about. */
    default String sessionId() {
        return null;
    }

    @JsonTypeName("join")
    record Join(String sessionId, SessionKeys.Kind kind, Long lastSeq) implements ClientMessage {
    }

    @JsonTypeName("leave")
    record Leave(String sessionId) implements ClientMessage {
    }

    @JsonTypeName("chat")
    record Chat(String sessionId, String messageId, String text) implements ClientMessage {
    }

    @JsonTypeName("calculator_change")
    record CalculatorChange(String sessionId, String requestId, Long expectedVersion, List<ChangeOp> ops)
            implements ClientMessage {
    }

    @JsonTypeName("calculator_undo")
    record CalculatorUndo(String sessionId, String requestId, Long expectedVersion) implements ClientMessage {
    }

    @JsonTypeName("calculator_reset")
    record CalculatorReset(String sessionId, String requestId, Long expectedVersion) implements ClientMessage {
    }

    /** Field names are the ones the original agent UI emits. */
    @JsonTypeName("copilot_enable")
    record CopilotEnable(String sessionId, String contractType, String selectedPlan, String selectedState, String role)
            implements ClientMessage {
    }

    @JsonTypeName("copilot_disable")
    record CopilotDisable(String sessionId) implements ClientMessage {
    }

    @JsonTypeName("ping")
    record Ping() implements ClientMessage {
    }
}
