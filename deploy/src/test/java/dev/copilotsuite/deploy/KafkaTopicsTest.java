package dev.copilotsuite.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/** Every topic the code uses is a KafkaTopic, partitioned for the most consumers the prod overlay can run. */
class KafkaTopicsTest {

    /** smallrye-kafka's failure-strategy=dead-letter-queue publishes a record that keeps failing here. */
    static String deadLetter(String topic) {
        return "dead-letter-topic-" + topic;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyTopicOfTheCodeAndEveryDeadLetterTopicExists(String overlay) {
        Map<String, Integer> topics = new TreeMap<>();
        Map<String, String> constants = ServiceConfig.topicConstants();
        assertFalse(constants.isEmpty(), "Topics.java read by reflection");
        constants.values().forEach(topic -> topics.put(topic, 1));
        for (ServiceConfig service : Repo.services()) {
            service.topicsUsed().forEach(topic -> topics.put(topic, 1));
            service.consumers().forEach(consumer -> topics.put(deadLetter(consumer.topic()), 1));
        }
        assertEquals(List.of(), Rules.topicPartitions(Manifests.overlay(overlay).custom("KafkaTopic"), topics), overlay);
    }

    @Test
    void partitionsAreAtLeastTheProdMaximumOfConsumers() {
        Manifests prod = Manifests.overlay("prod");
        Map<String, Integer> required = new TreeMap<>();
        Map<String, List<String>> why = new TreeMap<>();
        for (ServiceConfig service : Repo.services()) {
            int replicas = Rules.maxReplicas(prod, service.applicationName());
            for (ServiceConfig.Consumer consumer : service.consumers()) {
                // a shared group splits the partitions among all its consumers; a per-replica group has one consumer
                int consumers = consumer.sharedGroup() ? replicas * consumer.concurrency() : replicas;
                required.merge(consumer.topic(), consumers, Math::max);
                why.computeIfAbsent(consumer.topic(), t -> new ArrayList<>()).add(service.module() + " " + consumers);
            }
        }
        assertTrue(required.containsKey("copilot.calculator.commands"), "consumers found in the services' code: " + why);
        assertEquals(List.of(), Rules.topicPartitions(prod.custom("KafkaTopic"), required), "consumers: " + why);
    }

    @Test
    void prodTopicsAreReplicatedAndKeepAcksAllDurable() {
        for (GenericKubernetesResource topic : Manifests.overlay("prod").custom("KafkaTopic")) {
            String name = Rules.topicName(topic);
            assertEquals(3, ((Number) topic.get("spec", "replicas")).intValue(), name);
            assertEquals(2, ((Number) topic.get("spec", "config", "min.insync.replicas")).intValue(), name);
            assertTrue(topic.get("spec", "config", "retention.ms") != null, name + " has a retention");
        }
    }

    @Test
    void kafkaRunsInKraftModeWithNodePools() {
        Manifests prod = Manifests.overlay("prod");
        List<GenericKubernetesResource> kafkas = prod.custom("Kafka");
        assertEquals(1, kafkas.size());
        assertTrue(kafkas.get(0).get("spec", "zookeeper") == null, "no ZooKeeper");
        List<GenericKubernetesResource> pools = prod.custom("KafkaNodePool");
        assertTrue(pools.stream().anyMatch(p -> ((List<?>) p.get("spec", "roles")).contains("controller")));
        assertTrue(pools.stream().anyMatch(p -> ((List<?>) p.get("spec", "roles")).contains("broker")));
        String cluster = kafkas.get(0).getMetadata().getName();
        pools.forEach(p -> assertEquals(cluster, p.getMetadata().getLabels().get("strimzi.io/cluster")));
        prod.custom("KafkaTopic").forEach(t -> assertEquals(cluster, t.getMetadata().getLabels().get("strimzi.io/cluster")));
    }
}
