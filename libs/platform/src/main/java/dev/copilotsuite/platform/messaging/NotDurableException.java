package dev.copilotsuite.platform.messaging;

/**
 * Kafka refused an event or did not acknowledge it in time (a broker down): what was published is not known
 * to be durable, so nothing may be reported done. Part of it may still land later; every consumer is
 * idempotent, so the caller's retry is safe. REST answers it with 503 UNAVAILABLE and a Retry-After.
 */
public class NotDurableException extends RuntimeException {

    public NotDurableException(String message, Throwable cause) {
        super(message, cause);
    }
}
