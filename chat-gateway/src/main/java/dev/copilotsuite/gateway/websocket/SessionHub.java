package dev.copilotsuite.gateway.websocket;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.copilotsuite.gateway.config.GatewayConfig;
import dev.copilotsuite.gateway.service.SessionStream;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Vertx;

/**
 * The open sockets of this replica and the sessions each joined. Every replica reads every outbound event
 * (through {@link SessionStream}), so whichever replica holds a socket delivers to it.
 */
@ApplicationScoped
public class SessionHub {

    private static final Logger LOG = Logger.getLogger(SessionHub.class);
    static final int POLICY_VIOLATION = 1008;

    private final Map<String, ClientConnection> clients = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong overflows = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong stuckClosed = new java.util.concurrent.atomic.AtomicLong();
    private final SessionStream stream;
    private final ObjectMapper mapper;
    private final GatewayConfig.Socket config;
    private final Vertx vertx;

    public SessionHub(SessionStream stream, ObjectMapper mapper, GatewayConfig config, Vertx vertx) {
        this.stream = stream;
        this.mapper = mapper;
        this.config = config.socket();
        this.vertx = vertx;
    }

    ClientConnection open(WebSocketConnection connection) {
        return clients.computeIfAbsent(connection.id(),
                id -> new ClientConnection(connection, config.sendQueue(), config.inFlight()));
    }

    ClientConnection client(WebSocketConnection connection) {
        return open(connection);
    }

    void closed(WebSocketConnection connection) {
        ClientConnection client = clients.remove(connection.id());
        if (client != null) {
            client.subscriptions.values().forEach(sub -> stream.stopListening(sub.sessionKey, sub));
            client.subscriptions.clear();
        }
    }

    /** Sockets open on this replica. */
    public int openSockets() {
        return clients.size();
    }

    /** Sockets whose send queue overflowed, and those then closed for not reading, since start. */
    public long overflows() {
        return overflows.get();
    }

    public long stuckClosed() {
        return stuckClosed.get();
    }

    int maxSessions() {
        return config.maxSessions();
    }

    int queueCapacity() {
        return config.sendQueue();
    }

    /**
     * Subscribes a socket to a session, replacing an earlier subscription of the same socket; null when the
     * socket already joined as many sessions as it may.
     */
    Subscription subscribe(ClientConnection client, String sessionKey, String clientSessionId) {
        Subscription previous = client.subscriptions.get(sessionKey);
        if (previous == null && client.subscriptions.size() >= config.maxSessions()) {
            return null;
        }
        if (previous != null) {
            stream.stopListening(sessionKey, previous);
        }
        Subscription subscription = new Subscription(sessionKey, clientSessionId, client, this);
        client.subscriptions.put(sessionKey, subscription);
        return subscription;
    }

    /** Starts hearing the session live; returns its latest seq. */
    long listen(Subscription subscription) {
        return stream.listen(subscription.sessionKey, subscription);
    }

    void leave(ClientConnection client, String sessionKey) {
        Subscription subscription = client.subscriptions.remove(sessionKey);
        if (subscription != null) {
            stream.stopListening(sessionKey, subscription);
        }
    }

    boolean joined(ClientConnection client, String sessionKey) {
        return client.subscriptions.containsKey(sessionKey);
    }

    /** Sends a socket-level message (joined, snapshot, error, pong). */
    void send(ClientConnection client, ObjectNode message) {
        if (!client.offer(write(message))) {
            overflowed(client);
        }
    }

    ObjectNode message(String type, String sessionId) {
        ObjectNode message = mapper.createObjectNode().put("type", type);
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        return message;
    }

    ObjectNode error(String sessionId, String code, String text) {
        return message("error", null).put("code", code).put("message", text).put("sessionId", sessionId);
    }

    /**
     * The socket's queue is full: drop it, tell each session to resync, and close the socket if it is still
     * stuck after the timeout.
     */
    void overflowed(ClientConnection client) {
        client.dropQueued();
        boolean any = false;
        for (Subscription subscription : client.subscriptions.values()) {
            if (subscription.markStale()) {
                any = true;
                client.force(write(message("resync", subscription.clientSessionId).put("reason", "SEND_QUEUE_OVERFLOW")));
            }
        }
        if (!any) {
            return;
        }
        overflows.incrementAndGet();
        LOG.infof("socket %s: send queue overflowed; its sessions must resync", client.id());
        vertx.setTimer(Math.max(1, config.stuckTimeout().toMillis()), timer -> {
            if (clients.containsKey(client.id()) && !client.drained()) {
                LOG.infof("socket %s: still not reading after %s; closing", client.id(), config.stuckTimeout());
                stuckClosed.incrementAndGet();
                client.close(POLICY_VIOLATION, "The client does not read its messages; reconnect and rejoin.");
            }
        });
    }

    String write(ObjectNode message) {
        try {
            return mapper.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + message.path("type").asText(), e);
        }
    }
}
