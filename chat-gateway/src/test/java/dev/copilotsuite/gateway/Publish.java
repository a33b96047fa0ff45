package dev.copilotsuite.gateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import dev.copilotsuite.events.Topics;
import dev.copilotsuite.testing.TopicProbe;

/**
 * Publishes what the other services would, straight onto their topics: the contract test of the gateway
 * side. One producer for the test JVM, so a test can publish hundreds of events quickly.
 */
final class Publish {

    private static KafkaProducer<String, String> producer;

    static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
            producer = new KafkaProducer<>(props);
        }
        return producer;
    }

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** Publishes one event and waits for the broker's ack. */
    static void event(String topic, String tenant, String key, String type, Object payload) {
        try {
            producer().send(new ProducerRecord<>(topic, key, TopicProbe.json(TopicProbe.envelope(type, tenant, key, payload))))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A transcript segment of a call, as the webhook writes it to the session log. */
    static void transcript(String tenant, String key, String segmentId, String text) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("segmentId", segmentId);
        line.put("speaker", "CUSTOMER");
        line.put("text", text);
        line.put("partial", false);
        line.put("beginOffsetMillis", 1000);
        event(Topics.GATEWAY_SESSIONS, tenant, key, "call.segment.received", Map.of("line", line));
    }

    /** A whole turn as the orchestrator publishes it: started, one tool call, deltas, replied. */
    static void turn(String tenant, String key, String runId, String replyId, List<String> deltas, Map<String, Object> replied) {
        event(Topics.CHAT_REPLIES, tenant, key, "chat.run.started", Map.of("replyTo", runId, "brain", "offline"));
        event(Topics.CHAT_REPLIES, tenant, key, "chat.tool.called", Map.of("replyTo", runId, "toolCallId", runId + "-t1",
                "name", "apply_change", "argsJson", "{\"ops\":[{\"op\":\"set\",\"path\":\"humanAgents\",\"value\":45}]}",
                "resultJson", "{\"version\":2}", "error", false));
        for (int i = 0; i < deltas.size(); i++) {
            event(Topics.CHAT_REPLIES, tenant, key, "chat.reply.delta",
                    Map.of("messageId", replyId, "replyTo", runId, "index", i, "delta", deltas.get(i)));
        }
        Map<String, Object> reply = new LinkedHashMap<>(Map.of("messageId", replyId, "replyTo", runId,
                "routes", List.of("MODIFY"), "text", String.join("", deltas), "brain", "offline", "error", false,
                "failed", false));
        reply.putAll(replied);
        event(Topics.CHAT_REPLIES, tenant, key, "chat.replied", reply);
    }

    static List<String> types(List<com.fasterxml.jackson.databind.JsonNode> messages) {
        List<String> types = new ArrayList<>();
        for (var m : messages) {
            types.add(m.path("type").asText().equals("agui") ? m.path("event").path("type").asText() : m.path("type").asText());
        }
        return types;
    }

    private Publish() {
    }
}
