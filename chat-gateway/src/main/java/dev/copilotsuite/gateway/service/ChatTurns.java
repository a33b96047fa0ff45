package dev.copilotsuite.gateway.service;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.copilotsuite.events.EventEnvelope;
import dev.copilotsuite.events.calculator.CalculatorStateChanged;
import dev.copilotsuite.events.chat.ChatReplied;
import dev.copilotsuite.events.chat.ChatReplyDelta;
import dev.copilotsuite.events.chat.ChatRunStarted;
import dev.copilotsuite.events.chat.ChatToolCalled;
import dev.copilotsuite.gateway.config.GatewayConfig;
import dev.copilotsuite.gateway.security.Caller;

/**
 * One chat turn as request/reply over Kafka, for REST and AG-UI over HTTP: listens to the session on this
 * replica, publishes the message, and follows the AG-UI events of its run (the ones whose run id is the
 * message id, plus the state deltas in between) until the turn's {@code chat.replied}.
 */
@ApplicationScoped
public class ChatTurns {

    /** How a turn ended: the reply, or null on timeout. */
    public record Outcome(ChatReplied reply) {
        public boolean timedOut() {
            return reply == null;
        }
    }

    private final SessionStream stream;
    private final CommandPublisher commands;
    private final GatewayConfig.Chat config;

    public ChatTurns(SessionStream stream, CommandPublisher commands, GatewayConfig config) {
        this.stream = stream;
        this.commands = commands;
        this.config = config.chat();
    }

    /**
     * Runs one turn; {@code onEvent} gets each AG-UI event of the run, in order, on the consumer's thread. The
     * outcome completes with the reply, with a timed-out outcome, or exceptionally when publishing failed.
     */
    public CompletableFuture<Outcome> run(Caller caller, String sessionKey, String messageId, String text,
            Consumer<ObjectNode> onEvent) {
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        SessionListener listener = new SessionListener() {
            private boolean started;

            @Override
            public void deliver(long seq, EventEnvelope<?> event, ObjectNode message, String json) {
                if (outcome.isDone()) {
                    return;
                }
                String runId = runOf(event);
                boolean ours = messageId.equals(runId);
                if (ours && event.payload() instanceof ChatRunStarted) {
                    started = true;
                }
                boolean stateOfTheRun = started && event.payload() instanceof CalculatorStateChanged;
                if ((ours || stateOfTheRun) && message.has("event")) {
                    onEvent.accept((ObjectNode) message.get("event"));
                }
                if (ours && event.payload() instanceof ChatReplied reply
                        && message.path("event").path("type").asText().startsWith("RUN_")) {
                    outcome.complete(new Outcome(reply));
                }
            }
        };
        stream.listen(sessionKey, listener);
        outcome.whenComplete((done, failure) -> stream.stopListening(sessionKey, listener));
        commands.chatAsync(caller, sessionKey, messageId, text).whenComplete((ok, failure) -> {
            if (failure != null) {
                outcome.completeExceptionally(failure);
            }
        });
        outcome.completeOnTimeout(new Outcome(null), config.timeout().toMillis(), TimeUnit.MILLISECONDS);
        return outcome;
    }

    private static String runOf(EventEnvelope<?> event) {
        Object payload = event.payload();
        if (payload instanceof ChatRunStarted run) {
            return run.replyTo();
        }
        if (payload instanceof ChatToolCalled tool) {
            return tool.replyTo();
        }
        if (payload instanceof ChatReplyDelta delta) {
            return delta.replyTo();
        }
        if (payload instanceof ChatReplied reply) {
            return reply.replyTo();
        }
        return null;
    }
}
