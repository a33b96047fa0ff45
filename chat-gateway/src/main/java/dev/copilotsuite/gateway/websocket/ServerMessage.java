package dev.copilotsuite.gateway.websocket;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the gateway sends to a browser. {@code type} is the event's type name for events from Kafka
 * ({@code chat.replied}, {@code transcript_update}, ...), or a socket-level type ({@code joined},
 * {@code error}, {@code pong}). {@code sessionId} is the id the client used, never the internal key.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServerMessage(String type, String sessionId, String eventId, Instant timestamp, Object payload) {

    public static ServerMessage of(String type, String sessionId, Object payload) {
        return new ServerMessage(type, sessionId, null, Instant.now(), payload);
    }

    public static ServerMessage error(String sessionId, String code, String message) {
        return of("error", sessionId, new Error(code, message));
    }

    public record Error(String code, String message) {
    }
}
