package dev.copilotsuite.platform;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import dev.copilotsuite.platform.messaging.EventPublisher;
import dev.copilotsuite.platform.messaging.NotDurableException;

/** A wait on Kafka ends: acknowledged, refused, or not durable after its timeout, never a hang. */
class EventPublisherTest {

    @Test
    void returnsOnceEverySendIsAcknowledged() {
        EventPublisher.await(List.of(CompletableFuture.completedFuture(null), CompletableFuture.completedFuture(null)),
                Duration.ofMillis(50));
    }

    @Test
    void aSendNeverAcknowledgedIsNotDurableAfterTheTimeout() {
        long start = System.nanoTime();
        NotDurableException e = assertThrows(NotDurableException.class, () -> EventPublisher.await(
                List.of(CompletableFuture.completedFuture(null), new CompletableFuture<Void>()), Duration.ofMillis(100)));
        assertTrue(e.getMessage().contains("did not acknowledge within 100 ms"), e.getMessage());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos());
    }

    @Test
    void aRefusedSendIsNotDurable() {
        NotDurableException e = assertThrows(NotDurableException.class, () -> EventPublisher.await(
                List.of(CompletableFuture.failedFuture(new IllegalStateException("broker gone"))), Duration.ofSeconds(1)));
        assertTrue(e.getMessage().contains("broker gone"), e.getMessage());
    }
}
