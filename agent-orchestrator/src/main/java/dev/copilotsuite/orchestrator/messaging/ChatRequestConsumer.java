package dev.copilotsuite.orchestrator.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.copilotsuite.events.EventEnvelope;
import dev.copilotsuite.events.Topics;
import dev.copilotsuite.events.calculator.CalculatorState;
import dev.copilotsuite.events.chat.ChatMessageSubmitted;
import dev.copilotsuite.events.chat.ChatReplied;
import dev.copilotsuite.events.chat.ChatRunStarted;
import dev.copilotsuite.orchestrator.client.CalculatorClient;
import dev.copilotsuite.orchestrator.model.Focus;
import dev.copilotsuite.orchestrator.model.Routes;
import dev.copilotsuite.orchestrator.repository.ChatTurn;
import dev.copilotsuite.orchestrator.repository.ChatTurnRepository;
import dev.copilotsuite.orchestrator.service.GeminiBrain;
import dev.copilotsuite.orchestrator.service.OfflineBrain;
import dev.copilotsuite.orchestrator.service.TurnScope;
import dev.copilotsuite.platform.messaging.EventPublisher;
import io.smallrye.common.annotation.Blocking;

/**
 * Runs one turn per chat message and streams it back: chat.run.started, the tools, the text deltas, then
 * chat.replied once the turn is stored. A redelivered message gets its stored reply again, never a
 * second run (which could apply a change twice).
 */
@ApplicationScoped
public class ChatRequestConsumer {

    private static final Logger LOG = Logger.getLogger(ChatRequestConsumer.class);

    private final OfflineBrain brain;
    private final GeminiBrain gemini;
    private final ChatTurnRepository turns;
    private final CalculatorClient calculator;
    private final ObjectMapper mapper;
    private final Emitter<EventEnvelope<?>> replies;
    private final ManagedExecutor executor;

    public ChatRequestConsumer(OfflineBrain brain, GeminiBrain gemini, ChatTurnRepository turns, @RestClient CalculatorClient calculator,
            ObjectMapper mapper, @Channel(Topics.CHAT_REPLIES) Emitter<EventEnvelope<?>> replies, ManagedExecutor executor) {
        this.executor = executor;
        this.brain = brain;
        this.gemini = gemini;
        this.turns = turns;
        this.calculator = calculator;
        this.mapper = mapper;
        this.replies = replies;
    }

    @Incoming(Topics.CHAT_REQUESTS)
    @Blocking
    public void onMessage(EventEnvelope<?> event) {
        if (event != null && event.payload() instanceof ChatMessageSubmitted message) {
            if (message.text() == null || message.text().isBlank() || message.messageId() == null) {
                LOG.warnf("chat message without text or id in session %s dropped", event.sessionId());
                return;
            }
            // the calculator is read while the thread is: a turn's first sentence waits on both
            CompletableFuture<CalculatorState> state = executor.supplyAsync(() -> calculator.state(event.sessionId()));
            Optional<ChatTurn> earlier = turns.find(event.sessionId(), message.messageId());
            if (earlier.isPresent()) {
                EventPublisher.sendAndWait(replies, event.answer(turns.reply(earlier.get())));
                return;
            }
            answer(event, message, state);
        }
    }

    private void answer(EventEnvelope<?> event, ChatMessageSubmitted message, CompletableFuture<CalculatorState> state) {
        String brainName = gemini.enabled() ? GeminiBrain.NAME : OfflineBrain.NAME;
        EventPublisher.send(replies, event.answer(new ChatRunStarted(message.messageId(), brainName)));
        KafkaTurnStream stream = new KafkaTurnStream(replies, event, message.messageId(), mapper);
        Focus focus = turns.lastFocus(event.sessionId());
        ChatReplied reply;
        TurnScope scope = null;
        try {
            scope = new TurnScope(event.sessionId(), event.tenantId(), message.messageId(), message.userId(),
                    message.text(), current(state), focus, stream);
            if (gemini.enabled()) {
                gemini.answer(scope);
            } else {
                brain.answer(scope);
            }
            reply = new ChatReplied(stream.replyId, message.messageId(), distinct(scope.routes), scope.replyText(),
                    scope.brain, scope.error, scope.ops, scope.scenarioOps, scope.changes, scope.state.version(),
                    scope.document, scope.artifacts, false);
        } catch (RuntimeException e) {
            // A service stayed unreachable through its retries: say so rather than leave the user waiting.
            LOG.errorf(e, "message %s could not be answered", message.messageId());
            String text = "Something I rely on is not reachable right now, so nothing was changed. Please try again "
                    + "shortly.";
            if (stream.deltas() == 0) {
                stream.text(text);
            }
            reply = new ChatReplied(stream.replyId, message.messageId(), List.of(Routes.OTHER), text, OfflineBrain.NAME,
                    true, null, null, null, null, null, null, true);
        }
        if (stream.deltas() == 0) {
            stream.text(reply.text());
        }
        stream.flush();
        if (!reply.failed()) {
            turns.save(event.sessionId(), event.tenantId(), message.messageId(), message.userId(), message.text(),
                    reply, scope.focus, Instant.now());
        }
        EventPublisher.sendAndWait(replies, event.answer(reply));
    }

    /** The calculator as the turn starts; a failure to read it is the turn's failure, as if read here. */
    private static CalculatorState current(CompletableFuture<CalculatorState> state) {
        try {
            return state.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static List<String> distinct(List<String> routes) {
        return routes.stream().distinct().toList();
    }
}
