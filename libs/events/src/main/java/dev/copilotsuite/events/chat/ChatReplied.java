package dev.copilotsuite.events.chat;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonTypeName;

import dev.copilotsuite.events.EventPayload;

/**
 * The copilot's answer to one chat message: the readable reply for the user, and the routes it took.
 *
 * @param replyTo the {@code messageId} of the user's message
 * @param brain   which brain wrote the text: {@code offline} or {@code gemini}
 * @param error   true when the turn was refused (e.g. an out-of-bounds change)
 */
@JsonTypeName("chat.replied")
public record ChatReplied(String messageId, String replyTo, List<String> routes, String text, String brain, boolean error)
        implements EventPayload {
}
