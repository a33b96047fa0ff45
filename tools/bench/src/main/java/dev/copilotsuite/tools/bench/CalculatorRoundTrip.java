package dev.copilotsuite.tools.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.copilotsuite.events.EventEnvelope;
import dev.copilotsuite.events.Topics;
import dev.copilotsuite.events.calculator.CalculatorChangeRequested;
import dev.copilotsuite.events.calculator.ChangeOp;

/**
 * A change's round trip through Kafka with the state persisted: commands go to calculator-service's
 * command topic, and each counts once its new state (stored, then published) comes back. Spreads the
 * changes over sessions (a session's changes are sequential by design), bounded in count and time.
 * Usage: CalculatorRoundTrip [bootstrap] [changes] [sessions].
 */
public final class CalculatorRoundTrip {

    static final Duration LIMIT = Duration.ofMinutes(3);

    public static void main(String[] args) throws Exception {
        String bootstrap = args.length > 0 ? args[0] : "127.0.0.1:9092";
        int changes = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        int sessions = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        if (changes < 1 || changes > 100_000 || sessions < 1 || sessions > changes) {
            throw new IllegalArgumentException("1 <= sessions <= changes <= 100000");
        }
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());

        try (KafkaConsumer<String, String> consumer = consumer(bootstrap);
                KafkaProducer<String, String> producer = producer(bootstrap)) {
            consumer.subscribe(List.of(Topics.CALCULATOR_STATE));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(100));
            }
            consumer.seekToEnd(consumer.assignment());
            // seekToEnd is lazy: resolve every position now, or one resolved later would skip the first replies.
            consumer.assignment().forEach(consumer::position);

            long start = System.nanoTime();
            for (int i = 0; i < changes; i++) {
                String session = "chat:bench:run-" + run + ":s" + (i % sessions);
                String requestId = "r" + i;
                // Alternating values, so every change really makes a new state.
                var event = EventEnvelope.of("bench", session, null, new CalculatorChangeRequested(requestId, "user",
                        "bench", null, List.of(ChangeOp.set("humanAgents", 30 + (i / sessions) % 2))));
                sentAt.put(session + "|" + requestId, System.nanoTime());
                producer.send(new ProducerRecord<>(Topics.CALCULATOR_COMMANDS, session, mapper.writeValueAsString(event)));
            }
            producer.flush();

            int received = 0;
            int rejected = 0;
            long end = start;
            long stopAt = start + LIMIT.toNanos();
            while (received + rejected < changes && System.nanoTime() < stopAt) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode event = mapper.readTree(record.value());
                    Long sent = sentAt.remove(record.key() + "|" + event.path("payload").path("requestId").asText());
                    if (sent == null) {
                        continue;
                    }
                    end = System.nanoTime();
                    latencies.add(end - sent);
                    if (event.path("type").asText().equals("calculator.change.rejected")) {
                        rejected++;
                    } else {
                        received++;
                    }
                }
            }
            report(changes, sessions, received, rejected, end - start, latencies);
            if (received + rejected < changes) {
                System.exit(1);
            }
        }
    }

    private static void report(int changes, int sessions, int received, int rejected, long nanos, List<Long> latencies) {
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        double seconds = nanos / 1e9;
        System.out.printf("calculator round trip: %d changes over %d sessions%n", changes, sessions);
        System.out.printf("  persisted and published: %d, refused: %d, missing: %d%n", received, rejected,
                changes - received - rejected);
        System.out.printf("  throughput: %.0f changes/s (%.2f s)%n", received / seconds, seconds);
        if (!sorted.isEmpty()) {
            System.out.printf("  latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n", pct(sorted, 50), pct(sorted, 95),
                    pct(sorted, 99), sorted.get(sorted.size() - 1) / 1e6);
        }
    }

    private static double pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    private static KafkaConsumer<String, String> consumer(String bootstrap) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    private CalculatorRoundTrip() {
    }
}
