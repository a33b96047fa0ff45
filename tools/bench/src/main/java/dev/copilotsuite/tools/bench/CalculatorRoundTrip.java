package dev.copilotsuite.tools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
 * Usage: CalculatorRoundTrip [bootstrap] [changes] [sessions] [rounds] [name=pid ...]: {@code rounds} runs of
 * {@code changes} in this one JVM, each on sessions of its own, so that the bench's own start-up and JIT (about a
 * core for the first seconds) stop competing with the service for the machine after the first round. For each
 * named process (Linux), and for the bench itself, the CPU it spent from a round's first send to its last reply,
 * per change, split into JIT compiler threads, GC threads and the rest (its own work), from
 * {@code /proc/<pid>/task/<tid>/stat}.
 */
public final class CalculatorRoundTrip {

    static final Duration LIMIT = Duration.ofMinutes(3);

    public static void main(String[] args) throws Exception {
        String bootstrap = args.length > 0 ? args[0] : "127.0.0.1:9092";
        int changes = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        int sessions = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        int next = 3;
        int rounds = 1;
        if (args.length > 3 && args[3].matches("\\d+")) {
            rounds = Integer.parseInt(args[3]);
            next = 4;
        }
        if (changes < 1 || changes > 100_000 || sessions < 1 || sessions > changes || rounds < 1 || rounds > 1000) {
            throw new IllegalArgumentException("1 <= sessions <= changes <= 100000, 1 <= rounds <= 1000");
        }
        List<String> processes = new ArrayList<>(List.of(args).subList(Math.min(next, args.length), args.length));
        processes.add("bench=" + ProcessHandle.current().pid());

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

            List<Double> throughputs = new ArrayList<>();
            boolean complete = true;
            for (int round = 1; round <= rounds; round++) {
                if (rounds > 1) {
                    System.out.printf("round %d of %d%n", round, rounds);
                }
                List<ProcessCpu> cpus = new ArrayList<>();
                for (String process : processes) {
                    cpus.add(ProcessCpu.of(process));
                }
                Round result = round(consumer, producer, changes, sessions);
                report(changes, sessions, result);
                for (ProcessCpu cpu : cpus) {
                    cpu.report(result.received() + result.rejected(), "change");
                }
                throughputs.add(result.received() / (result.nanos() / 1e9));
                complete &= result.received() + result.rejected() == changes;
            }
            if (rounds > 1) {
                List<Double> sorted = new ArrayList<>(throughputs);
                Collections.sort(sorted);
                System.out.printf("throughput over %d rounds: min %.0f  median %.0f  max %.0f changes/s%n", rounds,
                        sorted.get(0), sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
            }
            if (!complete) {
                System.exit(1);
            }
        }
    }

    /** One round's answers: how many came back, and when. */
    private record Round(int received, int rejected, long nanos, List<Long> latencies) {
    }

    private static Round round(KafkaConsumer<String, String> consumer, KafkaProducer<String, String> producer,
            int changes, int sessions) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Long> sentAt = new HashMap<>();
        List<Long> latencies = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < changes; i++) {
            String session = "chat:bench:run-" + run + ":s" + (i % sessions);
            String requestId = "r" + i;
            // Alternating values, so every change really makes a new state.
            var event = EventEnvelope.of("bench", session, null, new CalculatorChangeRequested(requestId, "user",
                    "bench", null, List.of(ChangeOp.set("humanAgents", 30 + (i / sessions) % 2))));
            sentAt.put(session + "|" + requestId, System.nanoTime());
            producer.send(new ProducerRecord<>(Topics.CALCULATOR_COMMANDS, session, MAPPER.writeValueAsString(event)));
        }
        producer.flush();

        int received = 0;
        int rejected = 0;
        long end = start;
        long stopAt = start + LIMIT.toNanos();
        while (received + rejected < changes && System.nanoTime() < stopAt) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                Answer answer = Answer.of(record.value());
                Long sent = sentAt.remove(record.key() + "|" + answer.requestId());
                if (sent == null) {
                    continue;
                }
                end = System.nanoTime();
                latencies.add(end - sent);
                if (answer.type().equals("calculator.change.rejected")) {
                    rejected++;
                } else {
                    received++;
                }
            }
        }
        return new Round(received, rejected, end - start, latencies);
    }

    static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /**
     * What the bench reads of a state event: its type and the request it answers. Read with the streaming
     * parser, skipping the state itself (about 4.5 KB of numbers), so the bench spends little of the CPU it
     * shares with the service on reading the answers.
     */
    record Answer(String type, String requestId) {

        static Answer of(String json) throws IOException {
            String type = "";
            String requestId = "";
            try (JsonParser parser = MAPPER.getFactory().createParser(json)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    return new Answer(type, requestId);
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (field.equals("type") && value == JsonToken.VALUE_STRING) {
                        type = parser.getText();
                    } else if (field.equals("payload") && value == JsonToken.START_OBJECT) {
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            String inner = parser.currentName();
                            JsonToken innerValue = parser.nextToken();
                            if (inner.equals("requestId") && innerValue == JsonToken.VALUE_STRING) {
                                requestId = parser.getText();
                            } else {
                                parser.skipChildren();
                            }
                        }
                    } else {
                        parser.skipChildren();
                    }
                }
            }
            return new Answer(type, requestId);
        }
    }

    private static void report(int changes, int sessions, Round round) {
        int received = round.received();
        int rejected = round.rejected();
        List<Long> sorted = new ArrayList<>(round.latencies());
        Collections.sort(sorted);
        double seconds = round.nanos() / 1e9;
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
