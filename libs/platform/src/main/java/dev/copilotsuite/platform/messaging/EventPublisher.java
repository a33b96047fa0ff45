package dev.copilotsuite.platform.messaging;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

import dev.copilotsuite.events.EventEnvelope;
import dev.copilotsuite.platform.concurrent.Failures;

/**
 * Sends events keyed by session id and completes once Kafka acknowledged them, so a caller can
 * publish only after its state is saved and answer only after the event is durable.
 */
public final class EventPublisher {

    /** How long a caller waits for an acknowledgement before it reports the event not durable. */
    public static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

    private EventPublisher() {
    }

    public static CompletionStage<Void> send(Emitter<EventEnvelope<?>> emitter, EventEnvelope<?> event) {
        return send(emitter, Events.keyed(event));
    }

    private static CompletionStage<Void> send(Emitter<EventEnvelope<?>> emitter, Message<EventEnvelope<?>> keyed) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        Message<EventEnvelope<?>> message = keyed
                .withAck(() -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    acked.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        emitter.send(message);
        return acked;
    }

    /**
     * Blocks the calling worker thread until Kafka acknowledged the event, for at most {@link #ACK_TIMEOUT}.
     * Throws {@link NotDurableException} otherwise.
     */
    public static void sendAndWait(Emitter<EventEnvelope<?>> emitter, EventEnvelope<?> event) {
        await(List.of(sendOrRefuse(emitter, event)), ACK_TIMEOUT);
    }

    /**
     * Waits until Kafka acknowledged every one of the sends, for at most {@code timeout}: the producer itself
     * retries for two minutes (delivery.timeout.ms), far longer than anyone should wait on a request while the
     * broker is down. Throws {@link NotDurableException} when any was refused or not acknowledged in time.
     */
    public static void await(List<? extends CompletionStage<Void>> sends, Duration timeout) {
        try {
            acknowledged(sends, timeout).get();
        } catch (ExecutionException e) {
            throw (NotDurableException) e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotDurableException("Interrupted while waiting for Kafka.", e);
        }
    }

    /**
     * As {@link #await}, without blocking: completes once Kafka acknowledged every one of the sends, or fails
     * with {@link NotDurableException} (itself, not wrapped) when any was refused or not acknowledged in time.
     */
    public static CompletableFuture<Void> acknowledged(List<? extends CompletionStage<Void>> sends, Duration timeout) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        CompletableFuture.allOf(sends.stream().map(CompletionStage::toCompletableFuture).toArray(CompletableFuture[]::new))
                .orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS)
                .whenComplete((ok, failure) -> {
                    if (failure == null) {
                        result.complete(null);
                        return;
                    }
                    Throwable cause = Failures.cause(failure);
                    result.completeExceptionally(cause instanceof TimeoutException
                            ? new NotDurableException("Kafka did not acknowledge within " + timeout.toMillis() + " ms.", cause)
                            : new NotDurableException("Kafka refused the event: " + cause.getMessage(), cause));
                });
        return result;
    }

    /** As {@link #send}, but an emitter that refuses outright (its buffer full, its channel failed) throws {@link NotDurableException}. */
    public static CompletionStage<Void> sendOrRefuse(Emitter<EventEnvelope<?>> emitter, EventEnvelope<?> event) {
        return sendOrRefuse(emitter, Events.keyed(event));
    }

    /** As {@link #sendOrRefuse(Emitter, EventEnvelope)}, to {@code topic} instead of the channel's own topic. */
    public static CompletionStage<Void> sendOrRefuse(Emitter<EventEnvelope<?>> emitter, EventEnvelope<?> event, String topic) {
        return sendOrRefuse(emitter, Events.keyed(event, topic));
    }

    private static CompletionStage<Void> sendOrRefuse(Emitter<EventEnvelope<?>> emitter, Message<EventEnvelope<?>> keyed) {
        try {
            return send(emitter, keyed);
        } catch (RuntimeException e) {
            throw new NotDurableException("Kafka did not take the event: " + e.getMessage(), e);
        }
    }
}
