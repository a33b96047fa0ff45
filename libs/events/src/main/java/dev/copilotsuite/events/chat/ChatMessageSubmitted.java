package dev.copilotsuite.events.chat;

import com.fasterxml.jackson.annotation.JsonTypeName;

import dev.copilotsuite.events.EventPayload;

/** A user's chat message, accepted by the gateway for the orchestrator. */
@JsonTypeName("chat.message.submitted")
public record ChatMessageSubmitted(String messageId, String userId, String text) implements EventPayload {
}
