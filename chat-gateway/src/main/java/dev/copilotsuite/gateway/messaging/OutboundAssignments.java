package dev.copilotsuite.gateway.messaging;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.copilotsuite.gateway.service.SessionStream;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;

/**
 * A replica reads the sequenced topic from "latest", so it must not take sockets before its consumer holds
 * the partitions (an event published in between would reach no one) and before its sequencer consumers
 * joined their shared group. Readiness waits for both. Where the consumer starts on each partition is
 * where this replica's replay windows start.
 */
@ApplicationScoped
@Identifier(OutboundAssignments.NAME)
public class OutboundAssignments implements KafkaConsumerRebalanceListener {

    public static final String NAME = "gateway-outbound";

    private final SessionStream stream;
    private final SequencerAssignments sequencer;
    private volatile boolean assigned;

    public OutboundAssignments(SessionStream stream,
            @Identifier(SequencerAssignments.NAME) SequencerAssignments sequencer) {
        this.stream = stream;
        this.sequencer = sequencer;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            int count = consumer.partitionsFor(partition.topic()).size();
            stream.assigned(partition.partition(), consumer.position(partition), count);
        }
        if (!partitions.isEmpty()) {
            assigned = true;
        }
    }

    public boolean complete() {
        return assigned && sequencer.joined();
    }

    /** The sequencer's consumer of the outbound topics, told its (possibly empty) share. */
    @ApplicationScoped
    @Identifier(SequencerAssignments.NAME)
    public static class SequencerAssignments implements KafkaConsumerRebalanceListener {

        public static final String NAME = "gateway-sequencer";
        private final Set<Object> consumers = ConcurrentHashMap.newKeySet();

        @Override
        public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
            consumers.add(consumer);
        }

        boolean joined() {
            return !consumers.isEmpty();
        }
    }

    @Readiness
    @ApplicationScoped
    static class Check implements HealthCheck {

        private final OutboundAssignments assignments;

        Check(@Identifier(OutboundAssignments.NAME) OutboundAssignments assignments) {
            this.assignments = assignments;
        }

        @Override
        public HealthCheckResponse call() {
            return HealthCheckResponse.named("outbound event consumers assigned").status(assignments.complete())
                    .build();
        }
    }
}
