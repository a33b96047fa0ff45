package dev.copilotsuite.gateway.websocket;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.logging.Logger;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;

/**
 * One socket's bounded send queue and the sessions it joined. At most {@code inFlight} writes are handed to
 * the network at once; the rest wait here, up to {@code capacity}. A socket that fills its queue is not
 * read fast enough: its queue is dropped, each of its sessions is told to resync and hears nothing more
 * until it is joined again, and if the socket still does not drain within the stuck timeout it is closed
 * with 1008. Other sockets never wait for it: nothing here blocks the thread that delivers.
 */
final class ClientConnection {

    private static final Logger LOG = Logger.getLogger(ClientConnection.class);

    final WebSocketConnection connection;
    final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private final int capacity;
    private final int maxInFlight;
    private int inFlight;
    private long completedWrites;
    private boolean closed;

    ClientConnection(WebSocketConnection connection, int capacity, int maxInFlight) {
        this.connection = connection;
        this.capacity = capacity;
        this.maxInFlight = maxInFlight;
    }

    String id() {
        return connection.id();
    }

    /** Queues a message; false when the queue is full (the caller then resyncs the socket). */
    synchronized boolean offer(String json) {
        if (closed) {
            return true;
        }
        if (queue.size() >= capacity) {
            return false;
        }
        queue.addLast(json);
        pump();
        return true;
    }

    /** Queues a message past the bound: the few control messages (resync, error) that must still go out. */
    synchronized void force(String json) {
        if (!closed) {
            queue.addLast(json);
            pump();
        }
    }

    /** Drops everything waiting: the client will reload what it lost. */
    synchronized void dropQueued() {
        queue.clear();
    }

    synchronized long completedWrites() {
        return completedWrites;
    }

    synchronized boolean drained() {
        return queue.isEmpty() && inFlight == 0;
    }

    synchronized int queued() {
        return queue.size();
    }

    void close(int code, String reason) {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.clear();
        }
        connection.close(new CloseReason(code, reason)).subscribe().with(ok -> {
        }, failure -> LOG.debugf("socket %s: close failed: %s", id(), failure.getMessage()));
    }

    private void pump() {
        while (inFlight < maxInFlight && !queue.isEmpty() && connection.isOpen()) {
            String json = queue.pollFirst();
            inFlight++;
            connection.sendText(json).subscribe().with(ok -> written(), failure -> {
                LOG.debugf("socket %s: send failed: %s", id(), failure.getMessage());
                written();
            });
        }
    }

    private synchronized void written() {
        inFlight--;
        completedWrites++;
        pump();
    }
}
