package dev.copilotsuite.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;

/** Renders each overlay with kubectl kustomize and holds every object of it to the suite's rules. */
class OverlayTest {

    static final String DEV_ISSUER = "copilot-suite-dev";

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceHasADeploymentAndAServiceOnItsPort(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        for (ServiceConfig service : Repo.services()) {
            Deployment deployment = manifests.deployment(service.applicationName());
            Map<String, String> env = environment(manifests, deployment);
            int port = service.port(env);
            assertEquals(port, Rules.containerPort(deployment),
                    overlay + ": " + service.module() + " listens on " + port + " with this environment");
            Service k8s = manifests.all(Service.class).stream()
                    .filter(s -> Traffic.matches(new io.fabric8.kubernetes.api.model.LabelSelectorBuilder()
                            .withMatchLabels(s.getSpec().getSelector()).build(), deployment.getSpec().getTemplate().getMetadata().getLabels()))
                    .findFirst().orElseThrow(() -> new AssertionError(overlay + ": no Service selects " + service.module()));
            assertEquals(service.applicationName(), k8s.getMetadata().getName());
            ServicePort servicePort = k8s.getSpec().getPorts().get(0);
            assertTrue(servicePort.getTargetPort().getIntVal() != null ? servicePort.getTargetPort().getIntVal() == port
                    : "http".equals(servicePort.getTargetPort().getStrVal()), overlay + ": " + k8s.getMetadata().getName() + " targets its port");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyDeploymentHasProbesResourcesAndANonRootLockedDownPod(String overlay) {
        List<String> violations = new ArrayList<>();
        List<Deployment> deployments = Manifests.overlay(overlay).all(Deployment.class);
        assertFalse(deployments.isEmpty());
        deployments.forEach(d -> violations.addAll(Rules.podHardening(d)));
        assertEquals(List.of(), violations, overlay);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyVariableAServiceNeedsIsSetAndNoneIsMisspelt(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        List<ServiceConfig> services = Repo.services();
        Set<String> read = new HashSet<>();
        services.forEach(s -> s.envRefs().forEach(ref -> read.add(ref.name())));
        List<String> violations = new ArrayList<>();
        for (ServiceConfig service : services) {
            Deployment deployment = manifests.deployment(service.applicationName());
            Map<String, String> env = Rules.environment(deployment, manifests::configMap, violations);
            violations.addAll(Rules.environmentCovered(deployment, service, env));
            violations.addAll(Rules.environmentKnown(deployment, env, read));
        }
        assertEquals(List.of(), violations, overlay);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void servicesRunTheProductionProfileOnAllInterfacesWithAProductionIssuer(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        for (ServiceConfig service : Repo.services()) {
            Map<String, String> env = environment(manifests, manifests.deployment(service.applicationName()));
            assertEquals("prod", env.get("QUARKUS_PROFILE"), overlay + ": " + service.module());
            assertEquals("0.0.0.0", env.get("QUARKUS_HTTP_HOST"), overlay + ": " + service.module() + " must bind every interface");
            String issuer = service.resolve(service.properties().get("mp.jwt.verify.issuer"), env);
            assertNotEquals(DEV_ISSUER, issuer, overlay + ": " + service.module() + " would refuse to start (ProductionGuard)");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void jwtKeysAreMountedFilesOfTheJwtSecret(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        for (ServiceConfig service : Repo.services()) {
            Deployment deployment = manifests.deployment(service.applicationName());
            Map<String, String> env = environment(manifests, deployment);
            for (String variable : List.of("JWT_PUBLIC_KEY_LOCATION", "JWT_PRIVATE_KEY_LOCATION")) {
                String path = env.get(variable);
                if (path == null || path.isEmpty()) {
                    assertNotEquals("JWT_PUBLIC_KEY_LOCATION", variable, service.module() + " needs the public key");
                    continue;
                }
                assertTrue(mountedSecretFile(deployment, path), overlay + ": " + service.module() + " " + variable + "=" + path
                        + " is not a file of a mounted Secret");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void secretsAreOnlyReferencedAndEachIsDocumented(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        assertEquals(List.of(), Rules.noSecretObjects(manifests.objects), overlay);
        String readme = Repo.read(Repo.DEPLOY.resolve("README.md"));
        Set<String> referenced = new TreeSet<>();
        for (Deployment deployment : manifests.all(Deployment.class)) {
            for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                for (EnvVar variable : container.getEnv()) {
                    if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
                        referenced.add(variable.getValueFrom().getSecretKeyRef().getName());
                    }
                }
            }
            for (Volume volume : deployment.getSpec().getTemplate().getSpec().getVolumes()) {
                if (volume.getSecret() != null) {
                    referenced.add(volume.getSecret().getSecretName());
                }
            }
        }
        manifests.all(Ingress.class).forEach(i -> i.getSpec().getTls().forEach(tls -> referenced.add(tls.getSecretName())));
        for (GenericKubernetesResource mongo : manifests.custom("MongoDBCommunity")) {
            for (Map<String, Object> user : mongoUsers(mongo)) {
                referenced.add(String.valueOf(((Map<?, ?>) user.get("passwordSecretRef")).get("name")));
            }
        }
        assertFalse(referenced.isEmpty());
        for (String secret : referenced) {
            assertTrue(readme.contains("`" + secret + "`"), overlay + ": Secret " + secret + " is not documented in deploy/README.md");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void eachServiceReachesMongoAsAUserOfItsOwnDatabase(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        List<Map<String, Object>> users = manifests.custom("MongoDBCommunity").stream().flatMap(m -> mongoUsers(m).stream()).toList();
        for (ServiceConfig service : Repo.services()) {
            Map<String, String> env = environment(manifests, manifests.deployment(service.applicationName()));
            String uri = env.get("MONGODB_URI");
            assertTrue(uri != null && uri.startsWith("secret:"), overlay + ": " + service.module() + " MONGODB_URI must come from a Secret");
            String secret = uri.substring("secret:".length(), uri.indexOf('/'));
            Map<String, Object> user = users.stream().filter(u -> secret.equals(u.get("connectionStringSecretName"))).findFirst()
                    .orElseThrow(() -> new AssertionError(overlay + ": no MongoDB user writes " + secret));
            String database = service.properties().get("quarkus.mongodb.database");
            List<?> roles = (List<?>) user.get("roles");
            assertEquals(List.of(Map.of("name", "readWrite", "db", database)), roles,
                    overlay + ": " + service.module() + "'s user may read and write its own database " + database + " only");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theIngressReachesOnlyTheGatewayWithWebSocketTimeouts(String overlay) {
        List<Ingress> ingresses = Manifests.overlay(overlay).all(Ingress.class);
        assertEquals(1, ingresses.size());
        Ingress ingress = ingresses.get(0);
        Map<String, String> annotations = ingress.getMetadata().getAnnotations();
        assertEquals("3600", annotations.get("nginx.ingress.kubernetes.io/proxy-read-timeout"));
        assertEquals("3600", annotations.get("nginx.ingress.kubernetes.io/proxy-send-timeout"));
        Set<String> backends = new TreeSet<>();
        ingress.getSpec().getRules().forEach(r -> r.getHttp().getPaths().forEach(p -> backends.add(p.getBackend().getService().getName())));
        assertEquals(Set.of("chat-gateway"), backends);
    }

    static Map<String, String> environment(Manifests manifests, Deployment deployment) {
        List<String> violations = new ArrayList<>();
        Map<String, String> env = Rules.environment(deployment, manifests::configMap, violations);
        assertEquals(List.of(), violations);
        return env;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> mongoUsers(GenericKubernetesResource mongo) {
        return (List<Map<String, Object>>) mongo.get("spec", "users");
    }

    private static final Pattern FILE = Pattern.compile("(.*)/([^/]+)");

    private static boolean mountedSecretFile(Deployment deployment, String path) {
        Matcher file = FILE.matcher(path);
        if (!file.matches()) {
            return false;
        }
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        for (VolumeMount mount : container.getVolumeMounts()) {
            if (!mount.getMountPath().equals(file.group(1))) {
                continue;
            }
            for (Volume volume : deployment.getSpec().getTemplate().getSpec().getVolumes()) {
                if (volume.getName().equals(mount.getName()) && volume.getSecret() != null) {
                    return volume.getSecret().getItems() == null || volume.getSecret().getItems().isEmpty()
                            || volume.getSecret().getItems().stream().anyMatch(item -> item.getPath().equals(file.group(2)));
                }
            }
        }
        return false;
    }
}
