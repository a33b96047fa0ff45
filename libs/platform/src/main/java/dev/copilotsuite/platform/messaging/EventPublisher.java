package dev.copilotsuite.platform.messaging;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

import dev.copilotsuite.events.EventEnvelope;

/**
 * Sends events keyed by session id and completes once Kafka acknowledged them, so a caller can
 * publish only after its state is saved and answer only after the event is durable.
 */
public final class EventPublisher {

    private EventPublisher() {
    }

    public static CompletionStage<Void> send(Emitter<EventEnvelope<?>> emitter, EventEnvelope<?> event) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        Message<EventEnvelope<?>> message = Events.keyed(event)
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

    /** Blocks the calling worker thread until Kafka acknowledged the event. */
    public static void sendAndWait(Emitter<EventEnvelope<?>> emitter, EventEnvelope<?> event) {
        send(emitter, event).toCompletableFuture().join();
    }
}
