package dev.copilotsuite.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/** prod: every service autoscales from at least two replicas under a disruption budget; dev: one of each, fixed. */
class ScalingTest {

    @Test
    void everyProdServiceAutoscalesFromTwoReplicasUnderADisruptionBudget() {
        Manifests prod = Manifests.overlay("prod");
        for (Deployment deployment : prod.all(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            List<HorizontalPodAutoscaler> hpas = prod.all(HorizontalPodAutoscaler.class).stream()
                    .filter(h -> name.equals(h.getSpec().getScaleTargetRef().getName())).toList();
            List<GenericKubernetesResource> scaled = prod.custom("ScaledObject").stream()
                    .filter(s -> name.equals(s.get("spec", "scaleTargetRef", "name"))).toList();
            assertEquals(1, hpas.size() + scaled.size(), name + " has exactly one autoscaler (KEDA makes its own HPA)");
            int min = hpas.isEmpty() ? ((Number) scaled.get(0).get("spec", "minReplicaCount")).intValue()
                    : hpas.get(0).getSpec().getMinReplicas();
            assertTrue(min >= 2, name + " keeps two replicas");
            assertTrue(deployment.getSpec().getReplicas() >= 2, name + " starts with two replicas");
            List<PodDisruptionBudget> budgets = prod.all(PodDisruptionBudget.class).stream()
                    .filter(p -> Traffic.matches(p.getSpec().getSelector(), deployment.getSpec().getTemplate().getMetadata().getLabels()))
                    .toList();
            assertEquals(1, budgets.size(), name + " has a PodDisruptionBudget");
        }
    }

    @Test
    void copilotServiceScalesOnTheLagOfTheGroupAndTopicItReallyConsumes() {
        Manifests prod = Manifests.overlay("prod");
        ServiceConfig copilot = Repo.services().stream().filter(s -> s.module().equals("copilot-service")).findFirst().orElseThrow();
        GenericKubernetesResource scaled = prod.custom("ScaledObject").stream()
                .filter(s -> "copilot-service".equals(s.get("spec", "scaleTargetRef", "name"))).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> triggers = (List<Map<String, Object>>) scaled.get("spec", "triggers");
        Map<?, ?> kafka = (Map<?, ?>) triggers.stream().filter(t -> "kafka".equals(t.get("type"))).findFirst().orElseThrow().get("metadata");
        assertTrue(copilot.consumers().stream().anyMatch(c -> c.topic().equals(kafka.get("topic")) && c.group().equals(kafka.get("consumerGroup"))),
                "the trigger watches " + kafka.get("consumerGroup") + " on " + kafka.get("topic") + "; the service consumes " + copilot.consumers());
        String bootstrap = String.valueOf(kafka.get("bootstrapServers"));
        assertTrue(bootstrap.startsWith("copilot-kafka-kafka-bootstrap." + scaled.getMetadata().getNamespace() + ".svc"),
                "KEDA's operator runs in its own namespace, so it names the bootstrap service with the suite's namespace: " + bootstrap);
    }

    @Test
    void devRunsOneFixedReplicaOfEverything() {
        Manifests dev = Manifests.overlay("dev");
        assertEquals(List.of(), dev.all(HorizontalPodAutoscaler.class));
        assertEquals(List.of(), dev.custom("ScaledObject"));
        dev.all(Deployment.class).forEach(d -> assertEquals(1, d.getSpec().getReplicas(), d.getMetadata().getName()));
        dev.custom("KafkaNodePool").forEach(p -> assertEquals(1, ((Number) p.get("spec", "replicas")).intValue()));
        dev.custom("KafkaTopic").forEach(t -> assertEquals(1, ((Number) t.get("spec", "replicas")).intValue()));
        dev.custom("MongoDBCommunity").forEach(m -> assertEquals(1, ((Number) m.get("spec", "members")).intValue()));
    }
}
