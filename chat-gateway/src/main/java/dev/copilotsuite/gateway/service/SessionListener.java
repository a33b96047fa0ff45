package dev.copilotsuite.gateway.service;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.copilotsuite.events.EventEnvelope;

/** Something that hears a session's messages live on this replica: a socket, an SSE run, a REST turn. */
public interface SessionListener {

    /**
     * One message of the session, in {@code seq} order. Called on the consumer's thread under the stream's
     * lock: it must not block.
     *
     * @param event   the internal event the message came from
     * @param message the message as a tree (with {@code sessionId} and {@code seq})
     * @param json    the same message written once for every socket
     */
    void deliver(long seq, EventEnvelope<?> event, ObjectNode message, String json);
}
