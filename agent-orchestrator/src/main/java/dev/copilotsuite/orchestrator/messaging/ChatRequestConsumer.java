package dev.copilotsuite.orchestrator.messaging;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import dev.copilotsuite.events.EventEnvelope;
import dev.copilotsuite.events.Topics;
import dev.copilotsuite.events.chat.ChatMessageSubmitted;
import dev.copilotsuite.events.chat.ChatReplied;
import dev.copilotsuite.orchestrator.service.OfflineBrain;
import dev.copilotsuite.orchestrator.service.Routes;
import dev.copilotsuite.orchestrator.service.Turn;
import dev.copilotsuite.platform.messaging.EventPublisher;
import dev.copilotsuite.platform.messaging.ProcessedEvents;
import io.smallrye.common.annotation.Blocking;

/** Answers every chat message; the reply goes back to the session's sockets through the gateway. */
@ApplicationScoped
public class ChatRequestConsumer {

    private static final Logger LOG = Logger.getLogger(ChatRequestConsumer.class);

    private final OfflineBrain brain;
    private final ProcessedEvents processed;
    private final Emitter<EventEnvelope<?>> replies;

    public ChatRequestConsumer(OfflineBrain brain, ProcessedEvents processed,
            @Channel(Topics.CHAT_REPLIES) Emitter<EventEnvelope<?>> replies) {
        this.brain = brain;
        this.processed = processed;
        this.replies = replies;
    }

    @Incoming(Topics.CHAT_REQUESTS)
    @Blocking
    public void onMessage(EventEnvelope<?> event) {
        if (event != null && event.payload() instanceof ChatMessageSubmitted message) {
            processed.process("chat-requests", event, () -> reply(event, message));
        }
    }

    private void reply(EventEnvelope<?> event, ChatMessageSubmitted message) {
        Turn turn;
        try {
            turn = brain.answer(event, message);
        } catch (RuntimeException e) {
            // The calculator stayed unreachable through the retries: say so rather than leave the user waiting.
            LOG.errorf(e, "message %s could not be answered", message.messageId());
            turn = new Turn(List.of(Routes.OTHER),
                    "The calculator is not reachable right now, so nothing was changed. Please try again shortly.", true);
        }
        EventPublisher.sendAndWait(replies, event.answer(new ChatReplied(UUID.randomUUID().toString(),
                message.messageId(), turn.routes(), turn.reply(), "offline", turn.error(), null, null, null, null, null, null,
                false)));
    }
}
