package dev.copilotsuite.gateway.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Outgoing;
import org.jboss.logging.Logger;

import dev.copilotsuite.events.Topics;
import io.smallrye.mutiny.Multi;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Puts every outbound event of a session into one log: the gateway's own topic {@value #TOPIC}, keyed by
 * session. A chat session's events come from three topics whose offsets cannot be compared; on this one
 * topic a session's records share a partition, so their offsets number the session's messages in one
 * order that every replica reads alike (docs/protocol.md, {@code seq}).
 *
 * <p>Records are copied as bytes under their own key (every producer keys by session id, {@code Events.keyed}):
 * parsing them here would cost as much as everything else the gateway does with them, and the consumer of
 * {@value #TOPIC} parses them anyway. Transcript segments are not copied: the webhook writes each one to
 * {@value #TOPIC} itself (CommandPublisher), so the agent sees a line as soon as Kafka holds it, not after
 * copilot-service has stored it and computed cards, and the busiest event costs no copy.
 *
 * <p>The copy keeps the record's headers, its trace context among them, and is not traced itself (nor is its
 * delivery): a span per record per hop would cost more than the copy.
 *
 * <p>The replicas share one consumer group here, so each event is copied once (at least once: a copy
 * repeated after a rebalance has the same event id, and {@code SessionStream} drops it).
 */
@ApplicationScoped
public class SessionSequencer {

    private static final Logger LOG = Logger.getLogger(SessionSequencer.class);

    public static final String TOPIC = Topics.GATEWAY_SESSIONS;
    public static final String OUT = "gateway-sessions-out";
    /** One consumer for all of {@link Topics#GATEWAY_OUTBOUND} (application.properties lists them). */
    public static final String IN = "gateway-sequencer-in";

    @Incoming(IN)
    @Outgoing(OUT)
    public Multi<Message<byte[]>> sequence(Multi<Message<byte[]>> events) {
        return events.filter(message -> {
            if (message.getPayload() == null || key(message) == null) {
                LOG.warnf("record without a session key or value on %s dropped",
                        message.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getTopic).orElse("?"));
                message.ack();
                return false;
            }
            return true;
        }).map(message -> message.addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key(message))
                .withHeaders(message.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getHeaders)
                        .orElse(null))
                .build()));
    }

    private static String key(Message<byte[]> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class).map(meta -> (String) meta.getKey()).orElse(null);
    }
}
