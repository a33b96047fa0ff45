package dev.copilotsuite.events.chat;

import java.time.Instant;

/** One stored turn of a session's thread, as the UI reloads it: the user's message and the copilot's reply. */
public record ChatTurnView(String messageId, String userId, String text, Instant at, ChatReplied reply) {
}
