package dev.copilotsuite.document;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.copilotsuite.events.EventEnvelope;
import dev.copilotsuite.events.Topics;

/** Raw Kafka records in and out of the service under test, as another service would send and see them. */
final class KafkaRecords {

    private KafkaRecords() {
    }

    static void send(ObjectMapper mapper, EventEnvelope<?> event) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(Topics.DOCUMENT_REQUESTS, event.sessionId(), mapper.writeValueAsString(event)))
                    .get();
        }
    }

    /**
     * The session's events on copilot.document.ready once {@code count} arrived, and then whatever else
     * arrives within {@code settle}, so a test can also see that no extra event was published.
     */
    static List<EventEnvelope<?>> ready(ObjectMapper mapper, String sessionId, int count, Duration settle)
            throws JsonProcessingException {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<EventEnvelope<?>> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(Topics.DOCUMENT_READY));
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            Instant settled = null;
            while (Instant.now().isBefore(settled == null ? deadline : settled)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (sessionId.equals(record.key())) {
                        events.add(mapper.readValue(record.value(), EventEnvelope.class));
                    }
                }
                if (settled == null && events.size() >= count) {
                    settled = Instant.now().plus(settle);
                }
            }
        }
        if (events.size() < count) {
            throw new AssertionError("expected " + count + " ArtifactReady for " + sessionId + ", got " + events);
        }
        return events;
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
