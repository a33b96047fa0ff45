package dev.copilotsuite.gateway.service;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

import dev.copilotsuite.events.EventEnvelope;
import dev.copilotsuite.events.EventPayload;
import dev.copilotsuite.events.Topics;
import dev.copilotsuite.events.calculator.CalculatorChangeRequested;
import dev.copilotsuite.events.calculator.CalculatorResetRequested;
import dev.copilotsuite.events.calculator.CalculatorUndoRequested;
import dev.copilotsuite.events.calculator.ChangeOp;
import dev.copilotsuite.events.call.CallContext;
import dev.copilotsuite.events.call.CopilotToggled;
import dev.copilotsuite.events.chat.ChatMessageSubmitted;
import dev.copilotsuite.gateway.security.Caller;
import dev.copilotsuite.platform.messaging.EventPublisher;

/** Puts what browsers and the webhook ask for on Kafka, each keyed by its session. */
@ApplicationScoped
public class CommandPublisher {

    private final Emitter<EventEnvelope<?>> chatRequests;
    private final Emitter<EventEnvelope<?>> calculatorCommands;
    private final Emitter<EventEnvelope<?>> callTranscripts;

    public CommandPublisher(@Channel(Topics.CHAT_REQUESTS) Emitter<EventEnvelope<?>> chatRequests,
            @Channel(Topics.CALCULATOR_COMMANDS) Emitter<EventEnvelope<?>> calculatorCommands,
            @Channel(Topics.CALL_TRANSCRIPTS) Emitter<EventEnvelope<?>> callTranscripts) {
        this.chatRequests = chatRequests;
        this.calculatorCommands = calculatorCommands;
        this.callTranscripts = callTranscripts;
    }

    public EventEnvelope<?> chat(Caller caller, String sessionKey, String messageId, String text) {
        return publish(chatRequests, caller.tenantId(), sessionKey,
                new ChatMessageSubmitted(messageId, caller.userId(), text));
    }

    /** As {@link #chat}, without blocking: completes once Kafka holds the message. */
    public java.util.concurrent.CompletionStage<Void> chatAsync(Caller caller, String sessionKey, String messageId,
            String text) {
        return EventPublisher.send(chatRequests, EventEnvelope.of(caller.tenantId(), sessionKey, null,
                new ChatMessageSubmitted(messageId, caller.userId(), text)));
    }

    public EventEnvelope<?> calculatorChange(Caller caller, String sessionKey, String requestId, Long expectedVersion,
            List<ChangeOp> ops) {
        return publish(calculatorCommands, caller.tenantId(), sessionKey,
                new CalculatorChangeRequested(requestId, "user", caller.userId(), expectedVersion, ops));
    }

    public EventEnvelope<?> calculatorUndo(Caller caller, String sessionKey, String requestId, Long expectedVersion) {
        return publish(calculatorCommands, caller.tenantId(), sessionKey,
                new CalculatorUndoRequested(requestId, "user", caller.userId(), expectedVersion));
    }

    public EventEnvelope<?> calculatorReset(Caller caller, String sessionKey, String requestId, Long expectedVersion) {
        return publish(calculatorCommands, caller.tenantId(), sessionKey,
                new CalculatorResetRequested(requestId, "user", caller.userId(), expectedVersion));
    }

    public EventEnvelope<?> copilotToggle(Caller caller, String sessionKey, boolean enabled, CallContext context) {
        return publish(callTranscripts, caller.tenantId(), sessionKey, new CopilotToggled(enabled, context, caller.userId()));
    }

    /**
     * Publishes a batch in order and returns once Kafka holds all of it (acks=all). Throws
     * {@link NotDurable} when Kafka refused any of it or did not acknowledge all of it within
     * {@code timeout} (a broker down): the caller must not report the batch accepted. A part of it may
     * still land later; segments are idempotent downstream (by segment id), so the sender's retry is safe.
     */
    public void segments(String tenantId, String sessionKey, List<? extends EventPayload> segments, Duration timeout) {
        List<CompletableFuture<Void>> acks;
        try {
            acks = segments.stream()
                    .map(segment -> EventPublisher.send(callTranscripts, EventEnvelope.of(tenantId, sessionKey, null, segment))
                            .toCompletableFuture())
                    .toList();
        } catch (RuntimeException e) {
            // The emitter refuses outright when its buffer is full or its channel failed.
            throw new NotDurable("Kafka did not take the segments: " + e.getMessage(), e);
        }
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new NotDurable("Kafka did not acknowledge the segments within " + timeout.toMillis() + " ms.", e);
        } catch (ExecutionException e) {
            throw new NotDurable("Kafka refused the segments: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotDurable("Interrupted while waiting for Kafka.", e);
        }
    }

    /** What was published is not known to be durable: nothing may be reported accepted. */
    public static final class NotDurable extends RuntimeException {
        public NotDurable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    private static EventEnvelope<?> publish(Emitter<EventEnvelope<?>> emitter, String tenantId, String sessionKey,
            EventPayload payload) {
        EventEnvelope<?> event = EventEnvelope.of(tenantId, sessionKey, null, payload);
        EventPublisher.sendAndWait(emitter, event);
        return event;
    }
}
