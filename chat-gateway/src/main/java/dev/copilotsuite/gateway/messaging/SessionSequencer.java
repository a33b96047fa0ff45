package dev.copilotsuite.gateway.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Outgoing;

import dev.copilotsuite.events.EventEnvelope;
import dev.copilotsuite.events.Topics;
import io.smallrye.mutiny.Multi;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Puts every outbound event of a session into one log: the gateway's own topic {@value #TOPIC}, keyed by
 * session. A chat session's events come from three topics whose offsets cannot be compared; on this one
 * topic a session's records share a partition, so their offsets number the session's messages in one
 * order that every replica reads alike (docs/protocol.md, {@code seq}).
 *
 * <p>The replicas share one consumer group here, so each event is copied once (at least once: a copy
 * repeated after a rebalance has the same event id, and {@code SessionStream} drops it).
 */
@ApplicationScoped
public class SessionSequencer {

    public static final String TOPIC = "copilot.gateway.sessions";
    public static final String OUT = "gateway-sessions-out";

    @Incoming(Topics.CHAT_REPLIES)
    @Incoming(Topics.CALCULATOR_STATE)
    @Incoming(Topics.CALL_UPDATES)
    @Incoming(Topics.DOCUMENT_READY)
    @Outgoing(OUT)
    public Multi<Message<EventEnvelope<?>>> sequence(Multi<Message<EventEnvelope<?>>> events) {
        return events.filter(message -> {
            if (message.getPayload() == null) {
                message.ack(); // did not parse; the connector already logged it
                return false;
            }
            return true;
        }).map(message -> message.addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(message.getPayload().sessionId()).build()));
    }
}
