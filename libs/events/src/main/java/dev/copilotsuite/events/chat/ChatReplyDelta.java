package dev.copilotsuite.events.chat;

import com.fasterxml.jackson.annotation.JsonTypeName;

import dev.copilotsuite.events.EventPayload;

/**
 * A piece of the reply text while the turn is still running; the gateway streams it as AG-UI
 * TEXT_MESSAGE_CONTENT. The concatenation of a turn's deltas, in {@code index} order, equals the final
 * {@link ChatReplied#text()}.
 *
 * @param messageId the reply's message id (the same as the final {@link ChatReplied#messageId()})
 * @param replyTo   the user's message id, which is also the AG-UI run id
 * @param index     0, 1, 2… within the reply
 */
@JsonTypeName("chat.reply.delta")
public record ChatReplyDelta(String messageId, String replyTo, int index, String delta) implements EventPayload {
}
