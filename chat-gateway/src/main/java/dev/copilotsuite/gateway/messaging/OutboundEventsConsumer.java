package dev.copilotsuite.gateway.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
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

    /**
     * A polled batch at a time ({@code batch=true}): handing each record to a worker thread on its own cost more
     * than delivering it, and capped how many a replica could deliver a second.
     */
    @Incoming(SessionSequencer.TOPIC)
    public void deliver(ConsumerRecords<String, EventEnvelope<?>> records) {
        for (ConsumerRecord<String, EventEnvelope<?>> record : records) {
            if (record.value() != null) { // did not parse; the connector already logged it
                stream.publish(record.partition(), record.offset(), record.value());
            }
        }
    }
}
