package dev.copilotsuite.events.chat;

import com.fasterxml.jackson.annotation.JsonTypeName;

import dev.copilotsuite.events.EventPayload;

/**
 * The copilot started working on a message (AG-UI RUN_STARTED). Published before any other event of the
 * turn, so every consumer can map the turn's events one by one, with no state of its own.
 *
 * @param replyTo the user's message id, which is the AG-UI run id
 * @param brain   {@code offline} or {@code gemini}
 */
@JsonTypeName("chat.run.started")
public record ChatRunStarted(String replyTo, String brain) implements EventPayload {
}
