package dev.copilotsuite.gateway.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.copilotsuite.events.EventEnvelope;
import dev.copilotsuite.gateway.service.SessionStream;

/**
 * Reads the sequenced topic and hands each record, with its partition and offset, to the session stream.
 * Each replica reads with a group of its own from "latest", so all of them see every event.
 */
@ApplicationScoped
public class OutboundEventsConsumer {

    private final SessionStream stream;

    public OutboundEventsConsumer(SessionStream stream) {
        this.stream = stream;
    }

    @Incoming(SessionSequencer.TOPIC)
    public void deliver(ConsumerRecord<String, EventEnvelope<?>> record) {
        if (record.value() == null) {
            return;
        }
        stream.publish(record.partition(), record.offset(), record.value());
    }
}
