package dev.copilotsuite.gateway.websocket;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.copilotsuite.events.EventEnvelope;
import dev.copilotsuite.gateway.service.SessionListener;

/**
 * One socket's view of one session. While the join is being answered (snapshot or replay) live messages
 * are held, then released after it; a message whose seq the socket already has is never sent twice.
 */
final class Subscription implements SessionListener {

    private record Held(long seq, String json) {
    }

    final String sessionKey;
    final String clientSessionId;
    private final ClientConnection client;
    private final SessionHub hub;
    private final List<Held> held = new ArrayList<>();
    private boolean holding = true;
    private boolean stale;
    private long lastSent = Long.MIN_VALUE;

    Subscription(String sessionKey, String clientSessionId, ClientConnection client, SessionHub hub) {
        this.sessionKey = sessionKey;
        this.clientSessionId = clientSessionId;
        this.client = client;
        this.hub = hub;
    }

    @Override
    public void deliver(long seq, EventEnvelope<?> event, ObjectNode message, String json) {
        boolean overflow;
        synchronized (this) {
            if (stale) {
                return;
            }
            if (holding) {
                held.add(new Held(seq, json));
                overflow = held.size() > hub.queueCapacity();
            } else {
                overflow = !sendLocked(seq, json);
            }
        }
        if (overflow) {
            hub.overflowed(client);
        }
    }

    /** The socket already has everything up to {@code seq}. */
    synchronized void sentUpTo(long seq) {
        lastSent = Math.max(lastSent, seq);
    }

    /** Sends a replayed message; false when the queue overflowed. */
    synchronized boolean send(long seq, String json) {
        return stale || sendLocked(seq, json);
    }

    /** The join is answered: what arrived meanwhile goes out now, in order, without repeats. */
    void release() {
        boolean overflow = false;
        synchronized (this) {
            for (Held h : held) {
                if (!stale && !sendLocked(h.seq(), h.json())) {
                    overflow = true;
                    break;
                }
            }
            held.clear();
            holding = false;
        }
        if (overflow) {
            hub.overflowed(client);
        }
    }

    /** Hears nothing more until joined again; true the first time. */
    synchronized boolean markStale() {
        boolean first = !stale;
        stale = true;
        held.clear();
        return first;
    }

    private boolean sendLocked(long seq, String json) {
        if (seq <= lastSent) {
            return true;
        }
        lastSent = seq;
        return client.offer(json);
    }
}
