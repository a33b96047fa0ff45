package dev.copilotsuite.gateway.messaging;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.copilotsuite.events.Topics;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;

/**
 * A replica reads outbound events from "latest", so it must not take sockets before its consumers hold
 * their partitions: an event published in between would reach no one. Readiness waits for that.
 */
@ApplicationScoped
@Identifier(OutboundAssignments.NAME)
public class OutboundAssignments implements KafkaConsumerRebalanceListener {

    public static final String NAME = "gateway-outbound";

    private final Set<String> assigned = ConcurrentHashMap.newKeySet();

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        partitions.forEach(partition -> assigned.add(partition.topic()));
    }

    public boolean complete() {
        return assigned.containsAll(Arrays.asList(Topics.GATEWAY_OUTBOUND));
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
