package dev.copilotsuite.platform.messaging;

import org.eclipse.microprofile.reactive.messaging.Message;

import dev.copilotsuite.events.EventEnvelope;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Builds outgoing Kafka messages the one way the suite wants them: keyed by session id. */
public final class Events {

    public static Message<EventEnvelope<?>> keyed(EventEnvelope<?> event) {
        return Message.<EventEnvelope<?>>of(event).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(event.sessionId()).build());
    }

    /** As {@link #keyed(EventEnvelope)}, to another topic than the channel's own (same producer, same serializer). */
    public static Message<EventEnvelope<?>> keyed(EventEnvelope<?> event, String topic) {
        return Message.<EventEnvelope<?>>of(event).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(event.sessionId()).withTopic(topic).build());
    }

    private Events() {
    }
}
