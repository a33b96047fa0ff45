package dev.copilotsuite.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The repository the tests read: the services' modules, their config and Dockerfiles, and deploy/. */
final class Repo {

    static final Path ROOT = Path.of(System.getProperty("copilot.root", "..")).toAbsolutePath().normalize();
    static final Path DEPLOY = ROOT.resolve("deploy");
    static final Path SHARED_CONFIG = ROOT.resolve("libs/platform/src/main/resources/META-INF/microprofile-config.properties");

    private Repo() {
    }

    /** Every top-level module with an application.properties is a Quarkus service (the root pom's rule too). */
    static List<Path> serviceModules() {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            List<Path> modules = dirs.filter(dir -> Files.isRegularFile(dir.resolve("src/main/resources/application.properties")))
                    .sorted().toList();
            if (modules.isEmpty()) {
                throw new IllegalStateException("no service module under " + ROOT + " (copilot.root points at the repository root)");
            }
            return modules;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ServiceConfig> services() {
        return serviceModules().stream().map(ServiceConfig::read).toList();
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
