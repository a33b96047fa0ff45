package dev.copilotsuite.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * No image is built here (no container engine), so each Dockerfile is read as text: a Java 17 runtime
 * base, the Quarkus JVM layout, a non-root user, and the port the service listens on in its Deployment.
 */
class DockerfileTest {

    @Test
    void everyServiceHasAQuarkusJvmDockerfile() {
        Manifests prod = Manifests.overlay("prod");
        List<String> violations = new ArrayList<>();
        for (ServiceConfig service : Repo.services()) {
            Path dockerfile = Repo.ROOT.resolve(service.module()).resolve("src/main/docker/Dockerfile.jvm");
            assertTrue(Files.isRegularFile(dockerfile), dockerfile + " exists");
            Deployment deployment = prod.deployment(service.applicationName());
            Map<String, String> env = OverlayTest.environment(prod, deployment);
            violations.addAll(Rules.dockerfile(service.module(), Repo.read(dockerfile), service.port(env)));
            String image = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
            assertTrue(image.endsWith("/" + service.module() + ":" + image.substring(image.lastIndexOf(':') + 1)),
                    "the Deployment runs the service's own image: " + image);
        }
        assertEquals(List.of(), violations);
    }
}
