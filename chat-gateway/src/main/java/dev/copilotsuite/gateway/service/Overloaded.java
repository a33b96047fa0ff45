package dev.copilotsuite.gateway.service;

import java.time.Duration;

/**
 * Kafka is not taking events as fast as they arrive: the bounded number of events waiting for its
 * acknowledgement is reached. Nothing of the request was published; the caller may retry after the delay.
 */
public class Overloaded extends RuntimeException {

    private final Duration retryAfter;

    public Overloaded(String message, Duration retryAfter) {
        super(message, null, false, false); // expected under load: no stack trace to fill
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
