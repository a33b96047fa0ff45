package dev.copilotsuite.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;

/** Each rule, fed a doctored copy of a rendered object, reports it: the overlay tests can fail. */
class RulesCatchViolationsTest {

    private static Deployment gateway() {
        return new DeploymentBuilder(Manifests.overlay("prod").deployment("chat-gateway")).build();
    }

    @Test
    void theRenderedGatewayPassesBeforeItIsDoctored() {
        assertEquals(List.of(), Rules.podHardening(gateway()));
    }

    @Test
    void aDeploymentWithoutProbesIsReported() {
        Deployment doctored = new DeploymentBuilder(gateway()).editSpec().editTemplate().editSpec().editFirstContainer()
                .withReadinessProbe(null).withLivenessProbe(null).endContainer().endSpec().endTemplate().endSpec().build();
        List<String> violations = Rules.podHardening(doctored);
        assertTrue(violations.contains("chat-gateway/chat-gateway: no HTTP readiness probe"), violations.toString());
        assertTrue(violations.contains("chat-gateway/chat-gateway: no HTTP liveness probe"), violations.toString());
    }

    @Test
    void aProbeOnTheWrongPathIsReported() {
        Deployment doctored = new DeploymentBuilder(gateway()).editSpec().editTemplate().editSpec().editFirstContainer()
                .editLivenessProbe().editHttpGet().withPath("/").endHttpGet().endLivenessProbe().endContainer().endSpec()
                .endTemplate().endSpec().build();
        assertEquals(List.of("chat-gateway/chat-gateway: the liveness probe must GET /q/health/live, not /"), Rules.podHardening(doctored));
    }

    @Test
    void missingLimitsAreReported() {
        Deployment doctored = new DeploymentBuilder(gateway()).editSpec().editTemplate().editSpec().editFirstContainer()
                .editResources().withLimits(Map.of()).endResources().endContainer().endSpec().endTemplate().endSpec().build();
        assertEquals(List.of("chat-gateway/chat-gateway: no cpu limit", "chat-gateway/chat-gateway: no memory limit"),
                Rules.podHardening(doctored));
    }

    @Test
    void aRootOrPrivilegedContainerIsReported() {
        Deployment doctored = new DeploymentBuilder(gateway()).editSpec().editTemplate().editSpec()
                .editSecurityContext().withRunAsNonRoot(false).withRunAsUser(0L).endSecurityContext()
                .editFirstContainer().editSecurityContext().withRunAsNonRoot(null).withAllowPrivilegeEscalation(true)
                .withReadOnlyRootFilesystem(false).withNewCapabilities().withDrop(List.of()).endCapabilities().endSecurityContext()
                .endContainer().endSpec().endTemplate().endSpec().build();
        List<String> violations = Rules.podHardening(doctored);
        assertEquals(List.of("chat-gateway/chat-gateway: runAsNonRoot must be true", "chat-gateway/chat-gateway: runAsUser must not be 0",
                "chat-gateway/chat-gateway: allowPrivilegeEscalation must be false",
                "chat-gateway/chat-gateway: capabilities must drop ALL",
                "chat-gateway/chat-gateway: readOnlyRootFilesystem must be true"), violations);
    }

    @Test
    void aReadOnlyRootWithoutATmpVolumeIsReported() {
        Deployment doctored = new DeploymentBuilder(gateway()).editSpec().editTemplate().editSpec().editFirstContainer()
                .removeMatchingFromVolumeMounts(m -> "/tmp".equals(m.getMountPath())).endContainer().endSpec().endTemplate().endSpec()
                .build();
        assertEquals(List.of("chat-gateway/chat-gateway: a read-only root filesystem needs an emptyDir mounted at /tmp"),
                Rules.podHardening(doctored));
    }

    @Test
    void aRequiredVariableThatIsNotSetIsReported() {
        Manifests prod = Manifests.overlay("prod");
        ServiceConfig service = Repo.services().stream().filter(s -> s.module().equals("chat-gateway")).findFirst().orElseThrow();
        Deployment doctored = new DeploymentBuilder(gateway()).editSpec().editTemplate().editSpec().editFirstContainer()
                .removeMatchingFromEnv(e -> e.getName().equals("WEBHOOK_SECRET")).endContainer().endSpec().endTemplate().endSpec()
                .build();
        List<String> violations = new ArrayList<>();
        Map<String, String> env = Rules.environment(doctored, prod::configMap, violations);
        assertEquals(List.of(), violations);
        assertEquals(List.of("chat-gateway: WEBHOOK_SECRET (read by copilot.gateway.webhook.secret, no default) is not set"),
                Rules.environmentCovered(doctored, service, env));
    }

    @Test
    void aMissingConfigMapHidesItsVariablesAndIsReported() {
        Manifests prod = Manifests.overlay("prod");
        ServiceConfig service = Repo.services().stream().filter(s -> s.module().equals("chat-gateway")).findFirst().orElseThrow();
        List<String> violations = new ArrayList<>();
        Map<String, String> env = Rules.environment(gateway(), name -> Optional.empty(), violations);
        assertEquals(2, violations.size(), violations.toString());
        List<String> uncovered = Rules.environmentCovered(gateway(), service, env);
        assertTrue(uncovered.stream().anyMatch(v -> v.startsWith("chat-gateway: KAFKA_BOOTSTRAP_SERVERS (read by kafka.bootstrap.servers, "
                + "default 127.0.0.1:9092 is the pod's own loopback)")), uncovered.toString());
        assertTrue(uncovered.stream().anyMatch(v -> v.startsWith("chat-gateway: JWT_PUBLIC_KEY_LOCATION")), uncovered.toString());
        assertFalse(prod.configMap("copilot-platform").isPresent(), "generated ConfigMaps carry a hash suffix");
    }

    @Test
    void aMisspeltVariableAndAWholeSecretAsEnvAreReported() {
        Deployment doctored = new DeploymentBuilder(gateway()).editSpec().editTemplate().editSpec().editFirstContainer()
                .addToEnv(new EnvVar("MONGO_URI", "mongodb://x", null)).addNewEnvFrom().withNewSecretRef().withName("everything")
                .endSecretRef().endEnvFrom().endContainer().endSpec().endTemplate().endSpec().build();
        List<String> violations = new ArrayList<>();
        Map<String, String> env = Rules.environment(doctored, Manifests.overlay("prod")::configMap, violations);
        assertEquals(List.of("chat-gateway: envFrom Secret everything hides which variables it sets; use secretKeyRef per variable"),
                violations);
        assertEquals(List.of("chat-gateway: sets MONGO_URI, which no service reads"),
                Rules.environmentKnown(doctored, env, Set.of("MONGODB_URI", "WEBHOOK_SECRET", "CALCULATOR_URL", "DOCUMENT_URL",
                        "ORCHESTRATOR_URL", "COPILOT_SERVICE_URL",
                        "JWT_PRIVATE_KEY_LOCATION", "JWT_ISSUER", "JWT_PUBLIC_KEY_LOCATION", "KAFKA_BOOTSTRAP_SERVERS", "WEBHOOK_TENANT",
                        "OTEL_TRACES_SAMPLER_ARG", "OTEL_EXPORTER_OTLP_ENDPOINT", "OIDC_AUTH_SERVER_URL", "OIDC_CLIENT_ID",
                        "OIDC_CLIENT_SECRET", "OIDC_TENANT_CLAIM")));
    }

    @Test
    void aCommittedSecretIsReported() {
        List<HasMetadata> objects = new ArrayList<>(Manifests.overlay("prod").objects);
        assertEquals(List.of(), Rules.noSecretObjects(objects));
        objects.add(new SecretBuilder().withNewMetadata().withName("copilot-webhook").endMetadata()
                .withStringData(Map.of("secret", "hunter2")).build());
        objects.add(new SecretBuilder().withNewMetadata().withName("empty").endMetadata().build());
        assertEquals(List.of("Secret copilot-webhook holds literal data: Secrets are created at install time (deploy/README.md), never committed",
                "Secret empty is defined: Secrets are created at install time (deploy/README.md), never committed"),
                Rules.noSecretObjects(objects));
    }

    @Test
    void tooFewPartitionsOrAMissingTopicAreReported() {
        List<GenericKubernetesResource> topics = Manifests.overlay("prod").custom("KafkaTopic");
        assertEquals(List.of("copilot.chat.requests has 12 partitions; its consumers need at least 13", "no KafkaTopic for copilot.typo"),
                Rules.topicPartitions(topics, new java.util.LinkedHashMap<>(Map.of("copilot.chat.requests", 13)) {
                    {
                        put("copilot.typo", 1);
                    }
                }));
    }

    @Test
    void aBadDockerfileIsReported() {
        String bad = "FROM eclipse-temurin:21-jre\nCOPY target/quarkus-app/lib/ /deployments/lib/\nUSER root\nEXPOSE 9000\n"
                + "ENTRYPOINT [\"java\", \"-jar\", \"/deployments/app.jar\"]\n";
        assertEquals(List.of("svc: the final FROM must be a Java 17 runtime image, is eclipse-temurin:21-jre",
                "svc: the image must end with a non-root USER, has root", "svc: no COPY of target/quarkus-app/app/",
                "svc: no COPY of target/quarkus-app/quarkus/", "svc: no COPY of target/quarkus-app/quarkus-run.jar",
                "svc: nothing runs quarkus-run.jar", "svc: does not EXPOSE its port 8080"), Rules.dockerfile("svc", bad, 8080));
    }

    @Test
    void aPolicyOpeningCalculatorToEveryPodIsNoticed() {
        Manifests prod = Manifests.overlay("prod");
        Map<String, Traffic.Pod> pods = NetworkPolicyTest.pods(prod);
        List<NetworkPolicy> policies = new ArrayList<>(prod.all(NetworkPolicy.class));
        Traffic.Pod copilot = pods.get("copilot-service");
        Traffic.Pod calculator = pods.get("calculator-service");
        assertFalse(new Traffic(policies).allowed(copilot, calculator, 8082));
        policies.add(new io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder().withNewMetadata().withName("open")
                .withNamespace("copilot-suite").endMetadata().withNewSpec().withNewPodSelector().endPodSelector()
                .withPolicyTypes("Ingress", "Egress").addNewIngress().endIngress().addNewEgress().endEgress().endSpec().build());
        assertTrue(new Traffic(policies).allowed(copilot, calculator, 8082));
    }
}
