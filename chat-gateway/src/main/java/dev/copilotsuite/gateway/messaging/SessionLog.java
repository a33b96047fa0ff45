package dev.copilotsuite.gateway.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.copilotsuite.events.EventEnvelope;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a session's records back from the sequenced topic, for a client resuming on a replica that did
 * not keep them. Assigns the one partition (no group, nothing committed) and reads a bounded range.
 */
@ApplicationScoped
public class SessionLog {

    private final String bootstrapServers;
    private final ObjectMapper mapper;

    public SessionLog(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, ObjectMapper mapper) {
        this.bootstrapServers = bootstrapServers;
        this.mapper = mapper;
    }

    /**
     * The session's events from {@code fromOffset} to the partition's current end, with their offsets added to
     * {@code offsets}; empty when the log no longer reaches back that far or the range is over {@code maxScan}.
     */
    public Optional<List<EventEnvelope<?>>> read(String sessionKey, int partition, long fromOffset, int maxScan,
            List<Long> offsets) {
        TopicPartition tp = new TopicPartition(SessionSequencer.TOPIC, partition);
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.assign(List.of(tp));
            long begin = consumer.beginningOffsets(List.of(tp), Duration.ofSeconds(5)).get(tp);
            long end = consumer.endOffsets(List.of(tp), Duration.ofSeconds(5)).get(tp);
            if (fromOffset < begin || end - fromOffset > maxScan) {
                return Optional.empty();
            }
            List<EventEnvelope<?>> events = new ArrayList<>();
            consumer.seek(tp, fromOffset);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (consumer.position(tp) < end) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("reading partition " + partition + " back took too long");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < end && sessionKey.equals(record.key()) && record.value() != null) {
                        EventEnvelope<?> event = parse(record.value());
                        if (event != null) {
                            events.add(event);
                            offsets.add(record.offset());
                        }
                    }
                }
            }
            return Optional.of(events);
        }
    }

    /** As the live consumer: a record that does not parse is skipped there too, so replay says the same. */
    private EventEnvelope<?> parse(String json) {
        try {
            return mapper.readValue(json, EventEnvelope.class);
        } catch (JsonProcessingException | RuntimeException e) {
            return null;
        }
    }

    private KafkaConsumer<String, String> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "chat-gateway-replay-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }
}
