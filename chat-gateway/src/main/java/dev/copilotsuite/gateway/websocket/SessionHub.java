package dev.copilotsuite.gateway.websocket;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.websockets.next.WebSocketConnection;

/**
 * Which open sockets joined which session, on this replica. Every replica consumes every outbound
 * event, so whichever replica holds a socket delivers to it.
 */
@ApplicationScoped
public class SessionHub {

    private static final Logger LOG = Logger.getLogger(SessionHub.class);

    /** A socket's view of one session: the key it resolves to and the id the client calls it. */
    record Subscription(WebSocketConnection connection, String clientSessionId) {
    }

    private final Map<String, Set<Subscription>> bySession = new ConcurrentHashMap<>();
    private final ObjectMapper mapper;

    public SessionHub(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public void join(String sessionKey, String clientSessionId, WebSocketConnection connection) {
        bySession.computeIfAbsent(sessionKey, k -> ConcurrentHashMap.newKeySet())
                .add(new Subscription(connection, clientSessionId));
    }

    public void leave(String sessionKey, WebSocketConnection connection) {
        bySession.computeIfPresent(sessionKey, (key, subs) -> {
            subs.removeIf(s -> s.connection().id().equals(connection.id()));
            return subs.isEmpty() ? null : subs;
        });
    }

    public void leaveAll(WebSocketConnection connection) {
        bySession.keySet().forEach(key -> leave(key, connection));
    }

    public boolean joined(String sessionKey, WebSocketConnection connection) {
        Set<Subscription> subs = bySession.get(sessionKey);
        return subs != null && subs.stream().anyMatch(s -> s.connection().id().equals(connection.id()));
    }

    /** Sends to every socket of the session; {@code message} gets each client's own session id. */
    public int deliver(String sessionKey, java.util.function.Function<String, ServerMessage> message) {
        Set<Subscription> subs = bySession.get(sessionKey);
        if (subs == null) {
            return 0;
        }
        subs.forEach(sub -> send(sub.connection(), message.apply(sub.clientSessionId())));
        return subs.size();
    }

    public void send(WebSocketConnection connection, ServerMessage message) {
        if (!connection.isOpen()) {
            return;
        }
        String json;
        try {
            json = mapper.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + message.type(), e);
        }
        connection.sendText(json).subscribe().with(ok -> {
        }, failure -> LOG.debugf("socket %s: send failed: %s", connection.id(), failure.getMessage()));
    }
}
