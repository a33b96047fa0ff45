package dev.copilotsuite.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;

/**
 * The rules every rendered overlay is held to. Each returns the violations it finds (empty when the
 * objects comply), so a test can also feed it a doctored object and see it fail.
 */
final class Rules {

    static final String READY = "/q/health/ready";
    static final String LIVE = "/q/health/live";
    /** Environment variables a Deployment may set that no properties file names: Quarkus and the image's launcher read them. */
    static final List<String> PLATFORM_ENV_PREFIXES = List.of("QUARKUS_", "JAVA_");

    private Rules() {
    }

    // ------------------------------------------------------------------ pods

    /** Probes from SmallRye Health, requests and limits, and a non-root, locked-down security context. */
    static List<String> podHardening(Deployment deployment) {
        List<String> violations = new ArrayList<>();
        String name = deployment.getMetadata().getName();
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        PodSecurityContext podSecurity = Optional.ofNullable(pod.getSecurityContext()).orElseGet(PodSecurityContext::new);
        if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
            violations.add(name + ": automountServiceAccountToken must be false (no service calls the Kubernetes API)");
        }
        for (Container container : pod.getContainers()) {
            String where = name + "/" + container.getName();
            probe(where, "readiness", container.getReadinessProbe(), READY, container, violations);
            probe(where, "liveness", container.getLivenessProbe(), LIVE, container, violations);
            resources(where, container.getResources(), violations);
            SecurityContext security = Optional.ofNullable(container.getSecurityContext()).orElseGet(SecurityContext::new);
            Boolean nonRoot = security.getRunAsNonRoot() != null ? security.getRunAsNonRoot() : podSecurity.getRunAsNonRoot();
            if (!Boolean.TRUE.equals(nonRoot)) {
                violations.add(where + ": runAsNonRoot must be true");
            }
            Long user = security.getRunAsUser() != null ? security.getRunAsUser() : podSecurity.getRunAsUser();
            if (user != null && user == 0) {
                violations.add(where + ": runAsUser must not be 0");
            }
            if (!Boolean.FALSE.equals(security.getAllowPrivilegeEscalation())) {
                violations.add(where + ": allowPrivilegeEscalation must be false");
            }
            if (Boolean.TRUE.equals(security.getPrivileged())) {
                violations.add(where + ": must not be privileged");
            }
            List<String> dropped = Optional.ofNullable(security.getCapabilities()).map(Capabilities::getDrop).orElse(List.of());
            if (!dropped.contains("ALL")) {
                violations.add(where + ": capabilities must drop ALL");
            }
            List<String> added = Optional.ofNullable(security.getCapabilities()).map(Capabilities::getAdd).orElse(List.of());
            if (added != null && !added.isEmpty()) {
                violations.add(where + ": must add no capability, adds " + added);
            }
            String seccomp = security.getSeccompProfile() != null ? security.getSeccompProfile().getType()
                    : podSecurity.getSeccompProfile() != null ? podSecurity.getSeccompProfile().getType() : null;
            if (!"RuntimeDefault".equals(seccomp)) {
                violations.add(where + ": seccompProfile must be RuntimeDefault");
            }
            if (!Boolean.TRUE.equals(security.getReadOnlyRootFilesystem())) {
                violations.add(where + ": readOnlyRootFilesystem must be true");
            } else if (!writableTmp(pod, container)) {
                violations.add(where + ": a read-only root filesystem needs an emptyDir mounted at /tmp");
            }
        }
        return violations;
    }

    private static void probe(String where, String kind, Probe probe, String path, Container container, List<String> violations) {
        if (probe == null || probe.getHttpGet() == null) {
            violations.add(where + ": no HTTP " + kind + " probe");
            return;
        }
        if (!path.equals(probe.getHttpGet().getPath())) {
            violations.add(where + ": the " + kind + " probe must GET " + path + ", not " + probe.getHttpGet().getPath());
        }
        Object port = probe.getHttpGet().getPort() == null ? null
                : probe.getHttpGet().getPort().getIntVal() != null ? probe.getHttpGet().getPort().getIntVal()
                        : probe.getHttpGet().getPort().getStrVal();
        boolean known = container.getPorts().stream()
                .anyMatch(p -> Objects.equals(p.getName(), port) || Objects.equals(p.getContainerPort(), port));
        if (!known) {
            violations.add(where + ": the " + kind + " probe's port " + port + " is not a port of the container");
        }
    }

    private static void resources(String where, ResourceRequirements resources, List<String> violations) {
        Map<String, Quantity> requests = resources == null || resources.getRequests() == null ? Map.of() : resources.getRequests();
        Map<String, Quantity> limits = resources == null || resources.getLimits() == null ? Map.of() : resources.getLimits();
        for (String resource : List.of("cpu", "memory")) {
            if (!requests.containsKey(resource)) {
                violations.add(where + ": no " + resource + " request");
            }
            if (!limits.containsKey(resource)) {
                violations.add(where + ": no " + resource + " limit");
            }
            if (requests.containsKey(resource) && limits.containsKey(resource)
                    && requests.get(resource).getNumericalAmount().compareTo(limits.get(resource).getNumericalAmount()) > 0) {
                violations.add(where + ": the " + resource + " request is above its limit");
            }
        }
    }

    private static boolean writableTmp(PodSpec pod, Container container) {
        for (VolumeMount mount : container.getVolumeMounts()) {
            if ("/tmp".equals(mount.getMountPath()) && !Boolean.TRUE.equals(mount.getReadOnly())) {
                return pod.getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).map(Volume::getEmptyDir)
                        .anyMatch(Objects::nonNull);
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ environment

    /**
     * The first container's environment as the process sees it: ConfigMap values (envFrom, configMapKeyRef)
     * and literals as themselves, a Secret key as {@code secret:<name>/<key>}. Refs to a ConfigMap or key
     * that is not in the manifests, and envFrom of a whole Secret (whose keys nobody can check), are violations.
     */
    static Map<String, String> environment(Deployment deployment, Function<String, Optional<ConfigMap>> configMaps,
            List<String> violations) {
        String name = deployment.getMetadata().getName();
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvFromSource source : container.getEnvFrom()) {
            if (source.getSecretRef() != null) {
                violations.add(name + ": envFrom Secret " + source.getSecretRef().getName()
                        + " hides which variables it sets; use secretKeyRef per variable");
            } else if (source.getConfigMapRef() != null) {
                Optional<ConfigMap> map = configMaps.apply(source.getConfigMapRef().getName());
                if (map.isEmpty()) {
                    violations.add(name + ": envFrom ConfigMap " + source.getConfigMapRef().getName() + " is not in the manifests");
                } else if (map.get().getData() != null) {
                    String prefix = source.getPrefix() == null ? "" : source.getPrefix();
                    map.get().getData().forEach((key, value) -> env.put(prefix + key, value));
                }
            }
        }
        for (EnvVar variable : container.getEnv()) {
            if (variable.getValueFrom() == null) {
                env.put(variable.getName(), variable.getValue() == null ? "" : variable.getValue());
            } else if (variable.getValueFrom().getSecretKeyRef() != null) {
                env.put(variable.getName(), "secret:" + variable.getValueFrom().getSecretKeyRef().getName() + "/"
                        + variable.getValueFrom().getSecretKeyRef().getKey());
            } else if (variable.getValueFrom().getConfigMapKeyRef() != null) {
                String map = variable.getValueFrom().getConfigMapKeyRef().getName();
                String key = variable.getValueFrom().getConfigMapKeyRef().getKey();
                Optional<String> value = configMaps.apply(map).map(ConfigMap::getData).map(data -> data.get(key));
                if (value.isEmpty()) {
                    violations.add(name + ": " + variable.getName() + " names ConfigMap key " + map + "/" + key
                            + ", which is not in the manifests");
                } else {
                    env.put(variable.getName(), value.get());
                }
            } else {
                env.put(variable.getName(), "field:" + variable.getName());
            }
        }
        return env;
    }

    /**
     * Every variable the service reads that has no default, or whose default is the loopback interface,
     * is set; variables with another default may be left to it.
     */
    static List<String> environmentCovered(Deployment deployment, ServiceConfig service, Map<String, String> env) {
        List<String> violations = new ArrayList<>();
        for (ServiceConfig.EnvRef ref : service.envRefs()) {
            if (ref.required() && !env.containsKey(ref.name())) {
                violations.add(deployment.getMetadata().getName() + ": " + ref.name() + " (read by " + ref.property() + ", "
                        + (ref.hasDefault() ? "default " + ref.defaultValue() + " is the pod's own loopback" : "no default")
                        + ") is not set");
            }
        }
        return violations;
    }

    /** Every variable a Deployment sets is one some service reads (a misspelt name is caught), or Quarkus's or the JVM launcher's. */
    static List<String> environmentKnown(Deployment deployment, Map<String, String> env, Set<String> read) {
        List<String> violations = new ArrayList<>();
        for (String variable : env.keySet()) {
            if (!read.contains(variable) && PLATFORM_ENV_PREFIXES.stream().noneMatch(variable::startsWith)) {
                violations.add(deployment.getMetadata().getName() + ": sets " + variable + ", which no service reads");
            }
        }
        return violations;
    }

    // ------------------------------------------------------------------ secrets

    /** No Secret is committed: the manifests reference Secrets and never define one, with or without data. */
    static List<String> noSecretObjects(List<HasMetadata> objects) {
        List<String> violations = new ArrayList<>();
        for (HasMetadata object : objects) {
            if (object instanceof Secret || "Secret".equals(object.getKind())) {
                Secret secret = object instanceof Secret s ? s : null;
                boolean literal = secret != null && ((secret.getData() != null && !secret.getData().isEmpty())
                        || (secret.getStringData() != null && !secret.getStringData().isEmpty()));
                violations.add("Secret " + object.getMetadata().getName() + (literal ? " holds literal data" : " is defined")
                        + ": Secrets are created at install time (deploy/README.md), never committed");
            }
        }
        return violations;
    }

    // ------------------------------------------------------------------ Kafka

    static String topicName(GenericKubernetesResource topic) {
        Object name = topic.get("spec", "topicName");
        return name != null ? name.toString() : topic.getMetadata().getName();
    }

    static int partitions(GenericKubernetesResource topic) {
        Object partitions = topic.get("spec", "partitions");
        return partitions == null ? 0 : ((Number) partitions).intValue();
    }

    /** Each topic named exists as a KafkaTopic with at least its required partitions. */
    static List<String> topicPartitions(List<GenericKubernetesResource> topics, Map<String, Integer> required) {
        List<String> violations = new ArrayList<>();
        Map<String, GenericKubernetesResource> byName = new LinkedHashMap<>();
        topics.forEach(topic -> byName.put(topicName(topic), topic));
        required.forEach((topic, partitions) -> {
            GenericKubernetesResource resource = byName.get(topic);
            if (resource == null) {
                violations.add("no KafkaTopic for " + topic);
            } else if (partitions(resource) < partitions) {
                violations.add(topic + " has " + partitions(resource) + " partitions; its consumers need at least " + partitions);
            }
        });
        return violations;
    }

    /**
     * The most replicas a Deployment can run: its HPA's maxReplicas, its KEDA ScaledObject's maxReplicaCount
     * (KEDA's default is 100), or its fixed replicas.
     */
    static int maxReplicas(Manifests manifests, String deployment) {
        for (HorizontalPodAutoscaler hpa : manifests.all(HorizontalPodAutoscaler.class)) {
            if (deployment.equals(hpa.getSpec().getScaleTargetRef().getName())
                    && "Deployment".equals(hpa.getSpec().getScaleTargetRef().getKind())) {
                return hpa.getSpec().getMaxReplicas();
            }
        }
        for (GenericKubernetesResource scaled : manifests.custom("ScaledObject")) {
            if (deployment.equals(scaled.get("spec", "scaleTargetRef", "name"))) {
                Object max = scaled.get("spec", "maxReplicaCount");
                return max == null ? 100 : ((Number) max).intValue();
            }
        }
        Integer replicas = manifests.deployment(deployment).getSpec().getReplicas();
        return replicas == null ? 1 : replicas;
    }

    // ------------------------------------------------------------------ images

    private static final Pattern FROM = Pattern.compile("(?im)^FROM\\s+(\\S+)");
    private static final Pattern USER = Pattern.compile("(?im)^USER\\s+(\\S+)");
    private static final Pattern EXPOSE = Pattern.compile("(?im)^EXPOSE\\s+(.+)$");
    private static final Pattern COPY = Pattern.compile("(?im)^COPY\\s+(?:--\\S+\\s+)*(\\S+)\\s+(\\S+)\\s*$");

    /** A Quarkus JVM-layout Dockerfile: a Java 17 base, the four quarkus-app layers, a non-root user, the service's port. */
    static List<String> dockerfile(String service, String text, int port) {
        List<String> violations = new ArrayList<>();
        Matcher from = FROM.matcher(text);
        String base = null;
        while (from.find()) {
            base = from.group(1);
        }
        if (base == null || !(base.contains("openjdk-17") || base.contains("temurin:17") || base.contains("jre-17")
                || base.contains(":17-jre"))) {
            violations.add(service + ": the final FROM must be a Java 17 runtime image, is " + base);
        }
        Matcher user = USER.matcher(text);
        String last = null;
        while (user.find()) {
            last = user.group(1);
        }
        if (last == null || last.equals("0") || last.startsWith("root") || last.startsWith("0:")) {
            violations.add(service + ": the image must end with a non-root USER, has " + last);
        }
        Map<String, String> copies = new LinkedHashMap<>();
        Matcher copy = COPY.matcher(text);
        while (copy.find()) {
            copies.put(copy.group(1), copy.group(2));
        }
        for (String layer : List.of("lib/", "app/", "quarkus/")) {
            if (!copies.containsKey("target/quarkus-app/" + layer)) {
                violations.add(service + ": no COPY of target/quarkus-app/" + layer);
            }
        }
        if (!copies.containsKey("target/quarkus-app/*.jar") && !copies.containsKey("target/quarkus-app/quarkus-run.jar")) {
            violations.add(service + ": no COPY of target/quarkus-app/quarkus-run.jar");
        }
        if (!text.contains("quarkus-run.jar")) {
            violations.add(service + ": nothing runs quarkus-run.jar");
        }
        Matcher expose = EXPOSE.matcher(text);
        boolean exposed = false;
        while (expose.find()) {
            exposed |= List.of(expose.group(1).trim().split("\\s+")).contains(String.valueOf(port))
                    || List.of(expose.group(1).trim().split("\\s+")).contains(port + "/tcp");
        }
        if (!exposed) {
            violations.add(service + ": does not EXPOSE its port " + port);
        }
        return violations;
    }

    static int containerPort(Deployment deployment) {
        List<ContainerPort> ports = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts();
        return ports.isEmpty() ? -1 : ports.get(0).getContainerPort();
    }
}
