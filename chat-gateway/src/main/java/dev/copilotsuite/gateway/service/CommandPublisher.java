package dev.copilotsuite.gateway.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

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
import dev.copilotsuite.gateway.config.GatewayConfig;
import dev.copilotsuite.gateway.security.Caller;
import dev.copilotsuite.platform.messaging.EventPublisher;
import dev.copilotsuite.platform.messaging.NotDurableException;

/** Puts what browsers and the webhook ask for on Kafka, each keyed by its session. */
@ApplicationScoped
public class CommandPublisher {

    /**
     * The transcripts channel's buffer. An emitter whose buffer overflows throws, and fails for good after
     * (every later send throws too): so the events waiting for Kafka are bounded below it by {@link #pending}.
     */
    public static final int TRANSCRIPTS_BUFFER = 8192;

    private final Emitter<EventEnvelope<?>> chatRequests;
    private final Emitter<EventEnvelope<?>> calculatorCommands;
    private final Emitter<EventEnvelope<?>> callTranscripts;
    /** Transcript events handed to the emitter and not yet acknowledged or refused by Kafka. */
    private final Semaphore pending;
    private final int maxPending;
    private final Duration retryAfter;

    @Inject
    public CommandPublisher(@Channel(Topics.CHAT_REQUESTS) Emitter<EventEnvelope<?>> chatRequests,
            @Channel(Topics.CALCULATOR_COMMANDS) Emitter<EventEnvelope<?>> calculatorCommands,
            @Channel(Topics.CALL_TRANSCRIPTS) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = TRANSCRIPTS_BUFFER)
            Emitter<EventEnvelope<?>> callTranscripts,
            GatewayConfig config) {
        this(chatRequests, calculatorCommands, callTranscripts, config.webhook().maxPending(), config.webhook().retryAfter());
    }

    public CommandPublisher(Emitter<EventEnvelope<?>> chatRequests, Emitter<EventEnvelope<?>> calculatorCommands,
            Emitter<EventEnvelope<?>> callTranscripts, int maxPending, Duration retryAfter) {
        this.chatRequests = chatRequests;
        this.calculatorCommands = calculatorCommands;
        this.callTranscripts = callTranscripts;
        this.retryAfter = retryAfter;
        this.maxPending = Math.min(maxPending, TRANSCRIPTS_BUFFER / 2); // two records an event
        this.pending = new Semaphore(this.maxPending);
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
        EventEnvelope<?> event = EventEnvelope.of(caller.tenantId(), sessionKey, null,
                new CopilotToggled(enabled, context, caller.userId()));
        EventPublisher.await(transcripts(List.of(event)), EventPublisher.ACK_TIMEOUT);
        return event;
    }

    /**
     * Publishes a batch in order; the answer completes once Kafka holds all of it (acks=all). It fails with
     * {@link Overloaded} at once, with nothing published, when the events already waiting for Kafka leave no
     * room for the batch, and with {@link NotDurableException} when Kafka refused any of it or did not
     * acknowledge all of it within {@code timeout} (a broker down): the caller must not report the batch
     * accepted. A part of it may still land later; segments are idempotent downstream (by segment id), so the
     * sender's retry is safe. The failure is the exception itself, not wrapped; nothing here blocks.
     */
    public CompletableFuture<Void> segments(String tenantId, String sessionKey, List<? extends EventPayload> segments,
            Duration timeout) {
        try {
            return EventPublisher.acknowledged(transcripts(segments.stream()
                    .<EventEnvelope<?>>map(segment -> EventEnvelope.of(tenantId, sessionKey, null, segment)).toList()), timeout);
        } catch (Overloaded | NotDurableException refused) {
            return CompletableFuture.failedFuture(refused);
        }
    }

    /** The most transcript events one request may carry: a batch larger than the bound could never be admitted. */
    public int maxBatch() {
        return maxPending;
    }

    /**
     * Each event goes to {@link Topics#CALL_TRANSCRIPTS} (copilot-service's) and, as the same bytes from the same
     * producer, to the session log {@link Topics#GATEWAY_SESSIONS}: the agent's screen then shows a line one hop
     * sooner, and the sequencer does not copy every segment (a consume and a produce per segment, in the gateway and
     * in the broker). The two writes are not atomic: a post refused after one of them is retried by the forwarder,
     * and its line is stored once (segment key) and shown once (the screen keys lines by segment).
     */
    private List<CompletionStage<Void>> transcripts(List<EventEnvelope<?>> events) {
        int count = events.size();
        if (!pending.tryAcquire(count)) {
            throw new Overloaded("The gateway has " + maxPending + " transcript events waiting for Kafka; retry shortly.",
                    retryAfter);
        }
        List<CompletionStage<Void>> acks = new ArrayList<>(count);
        try {
            for (EventEnvelope<?> event : events) {
                CompletableFuture<Void> stored = EventPublisher.sendOrRefuse(callTranscripts, event).toCompletableFuture();
                CompletableFuture<Void> shown;
                try {
                    shown = EventPublisher.sendOrRefuse(callTranscripts, event, Topics.GATEWAY_SESSIONS).toCompletableFuture();
                } catch (NotDurableException refused) {
                    stored.whenComplete((ok, failure) -> pending.release()); // its permit goes with the first write
                    acks.add(stored);
                    throw refused;
                }
                acks.add(CompletableFuture.allOf(stored, shown).whenComplete((ok, failure) -> pending.release()));
            }
        } finally {
            pending.release(count - acks.size()); // a send that threw never completes: its permit is returned here
        }
        return acks;
    }

    private static EventEnvelope<?> publish(Emitter<EventEnvelope<?>> emitter, String tenantId, String sessionKey,
            EventPayload payload) {
        EventEnvelope<?> event = EventEnvelope.of(tenantId, sessionKey, null, payload);
        EventPublisher.sendAndWait(emitter, event);
        return event;
    }
}
