package dev.copilotsuite.platform.messaging;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;

/** Keeps the idempotency marks bounded; Kafka never redelivers a week-old record to a live group. */
@ApplicationScoped
class ProcessedEventsPurge {

    static final Duration KEEP = Duration.ofDays(7);

    private final ProcessedEvents processedEvents;

    ProcessedEventsPurge(ProcessedEvents processedEvents) {
        this.processedEvents = processedEvents;
    }

    @Scheduled(every = "1h", delayed = "5m")
    void purge() {
        processedEvents.purge(Instant.now().minus(KEEP));
    }
}
