package dev.copilotsuite.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;

/** Evaluates the rendered NetworkPolicies for the connections the suite makes, and for the ones it must not. */
class NetworkPolicyTest {

    /** The REST calls between services (docs/architecture.md, deploy/README.md): caller -> callee. */
    static final Set<List<String>> REST_CALLS = Set.of(
            List.of("chat-gateway", "calculator-service"), List.of("chat-gateway", "document-service"),
            List.of("chat-gateway", "agent-orchestrator"), List.of("chat-gateway", "copilot-service"),
            List.of("agent-orchestrator", "calculator-service"), List.of("agent-orchestrator", "document-service"),
            List.of("document-service", "calculator-service"));

    static final Traffic.Pod INGRESS_CONTROLLER = new Traffic.Pod("ingress-nginx",
            Map.of("app.kubernetes.io/name", "ingress-nginx"), Map.of());
    static final Traffic.Pod KAFKA_BROKER = new Traffic.Pod("copilot-suite",
            Map.of("strimzi.io/cluster", "copilot-kafka", "strimzi.io/broker-role", "true", "strimzi.io/kind", "Kafka"), Map.of());
    static final Traffic.Pod MONGO = new Traffic.Pod("copilot-suite", Map.of("app", "copilot-mongo-svc"), Map.of());
    static final Traffic.Pod MILVUS = new Traffic.Pod("milvus", Map.of("app.kubernetes.io/name", "milvus", "component", "standalone"),
            Map.of());
    static final Traffic.Pod OTHER_POD = new Traffic.Pod("copilot-suite", Map.of("app", "something-else"), Map.of());

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everythingIsDeniedByDefault(String overlay) {
        List<NetworkPolicy> policies = Manifests.overlay(overlay).all(NetworkPolicy.class);
        assertTrue(policies.stream().anyMatch(p -> selectsEveryPod(p)
                && p.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress"))
                && p.getSpec().getIngress().isEmpty() && p.getSpec().getEgress().isEmpty()),
                "a default-deny policy selecting every pod");
        Traffic traffic = new Traffic(policies);
        assertTrue(!traffic.allowed(OTHER_POD, MONGO, 27017), "an unlabelled pod does not reach MongoDB");
        assertTrue(!traffic.allowed(Traffic.Pod.external(), OTHER_POD, 8080), "nothing outside reaches an unlabelled pod");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void servicesCallExactlyTheServicesTheyNeed(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        Traffic traffic = new Traffic(manifests.all(NetworkPolicy.class));
        Map<String, Traffic.Pod> pods = pods(manifests);
        for (var from : pods.entrySet()) {
            for (var to : pods.entrySet()) {
                if (from.getKey().equals(to.getKey())) {
                    continue;
                }
                int port = Rules.containerPort(manifests.deployment(to.getKey()));
                boolean expected = REST_CALLS.contains(List.of(from.getKey(), to.getKey()));
                assertEquals(expected, traffic.allowed(from.getValue(), to.getValue(), port),
                        overlay + ": " + from.getKey() + " -> " + to.getKey() + ":" + port);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceUrlInTheConfigIsAnAllowedCall(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        Map<String, Traffic.Pod> pods = pods(manifests);
        Traffic traffic = new Traffic(manifests.all(NetworkPolicy.class));
        for (String service : pods.keySet()) {
            OverlayTest.environment(manifests, manifests.deployment(service)).forEach((name, value) -> {
                if (name.endsWith("_URL")) {
                    String host = value.replaceFirst("^https?://", "").replaceFirst("[:/].*$", "");
                    if (value.startsWith("https://") && host.contains(".") && !host.endsWith(".svc.cluster.local")) {
                        // outside the cluster (the gateway's OpenID Connect provider): HTTPS egress must be allowed
                        assertTrue(traffic.egressAllowed(pods.get(service), Traffic.Pod.external(), 443),
                                overlay + ": " + service + " " + name + "=" + value + " needs HTTPS egress");
                        return;
                    }
                    assertTrue(REST_CALLS.contains(List.of(service, host)), overlay + ": " + service + " " + name + "=" + value);
                }
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void onlyTheGatewayIsReachableFromTheIngressController(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        Traffic traffic = new Traffic(manifests.all(NetworkPolicy.class));
        pods(manifests).forEach((name, pod) -> {
            int port = Rules.containerPort(manifests.deployment(name));
            assertEquals(name.equals("chat-gateway"), traffic.allowed(INGRESS_CONTROLLER, pod, port), overlay + ": ingress -> " + name);
            assertTrue(!traffic.allowed(Traffic.Pod.external(), pod, port), overlay + ": outside the cluster -> " + name);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void noServiceButTheGatewayAdmitsAnythingFromOutsideTheNamespace(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        Map<String, Traffic.Pod> pods = pods(manifests);
        for (NetworkPolicy policy : manifests.all(NetworkPolicy.class)) {
            pods.forEach((name, pod) -> {
                if (!Traffic.matches(policy.getSpec().getPodSelector(), pod.labels())) {
                    return;
                }
                policy.getSpec().getIngress().forEach(rule -> {
                    String where = overlay + ": policy " + policy.getMetadata().getName() + " on " + name;
                    assertTrue(rule.getFrom() != null && !rule.getFrom().isEmpty(), where + " admits every source");
                    rule.getFrom().forEach(peer -> {
                        assertTrue(peer.getIpBlock() == null, where + " admits an address block");
                        if (peer.getNamespaceSelector() != null) {
                            assertEquals("chat-gateway", name, where + " admits another namespace");
                            assertEquals(Map.of("kubernetes.io/metadata.name", "ingress-nginx"), peer.getNamespaceSelector().getMatchLabels(),
                                    where + " admits a namespace other than the ingress controller's");
                        }
                    });
                });
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void servicesReachKafkaAndMongoAndOnlyCopilotServiceReachesMilvus(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        List<NetworkPolicy> policies = new ArrayList<>(manifests.all(NetworkPolicy.class));
        // Milvus's own namespace gets deploy/milvus/network-policy.yaml
        Manifests.parse(Repo.read(Repo.DEPLOY.resolve("milvus/network-policy.yaml"))).forEach(p -> policies.add((NetworkPolicy) p));
        Traffic traffic = new Traffic(policies);
        pods(manifests).forEach((name, pod) -> {
            assertTrue(traffic.allowed(pod, KAFKA_BROKER, 9092), overlay + ": " + name + " -> Kafka");
            assertTrue(traffic.allowed(pod, MONGO, 27017), overlay + ": " + name + " -> MongoDB");
            assertEquals(name.equals("copilot-service"), traffic.allowed(pod, MILVUS, 19530), overlay + ": " + name + " -> Milvus");
        });
    }

    private static boolean selectsEveryPod(NetworkPolicy policy) {
        var selector = policy.getSpec().getPodSelector();
        return (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
                && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty());
    }

    static Map<String, Traffic.Pod> pods(Manifests manifests) {
        Map<String, Traffic.Pod> pods = new LinkedHashMap<>();
        for (Deployment deployment : manifests.all(Deployment.class)) {
            Map<String, Integer> named = new LinkedHashMap<>();
            for (ContainerPort port : deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts()) {
                if (port.getName() != null) {
                    named.put(port.getName(), port.getContainerPort());
                }
            }
            pods.put(deployment.getMetadata().getName(), new Traffic.Pod(deployment.getMetadata().getNamespace(),
                    deployment.getSpec().getTemplate().getMetadata().getLabels(), named));
        }
        return pods;
    }
}
