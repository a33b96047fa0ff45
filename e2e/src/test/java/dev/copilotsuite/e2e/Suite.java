package dev.copilotsuite.e2e;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged suite, started and stopped with the ./copilot script exactly as a person would, on
 * ports and a data directory of its own so it never collides with a local run.
 */
final class Suite {

    /** E2E_PORT_BASE moves every port of the run together, so parallel checkouts never collide. */
    static final int PORT_BASE = Integer.parseInt(System.getenv().getOrDefault("E2E_PORT_BASE", "18080"));
    static final int GATEWAY_PORT = PORT_BASE;

    private final Path root;
    private final Path home;
    private final Map<String, String> env = new HashMap<>();

    Suite() {
        root = Path.of(System.getenv().getOrDefault("COPILOT_ROOT", "..")).toAbsolutePath().normalize();
        home = root.resolve("e2e/target/copilot-home");
        env.put("COPILOT_HOME", home.toString());
        env.put("COPILOT_PORT", String.valueOf(GATEWAY_PORT));
        env.put("ORCHESTRATOR_PORT", String.valueOf(PORT_BASE + 1));
        env.put("CALCULATOR_PORT", String.valueOf(PORT_BASE + 2));
        env.put("COPILOT_SERVICE_PORT", String.valueOf(PORT_BASE + 3));
        env.put("DOCUMENT_PORT", String.valueOf(PORT_BASE + 4));
        env.put("KAFKA_PORT", String.valueOf(PORT_BASE + 12));
        env.put("KAFKA_CONTROLLER_PORT", String.valueOf(PORT_BASE + 13));
        env.put("MONGO_PORT", String.valueOf(PORT_BASE + 17));
        env.put("COPILOT_TODAY", "2026-11-23");
    }

    private static Suite shared;

    /**
     * One suite for every test class that only uses it (not one that restarts its processes): started
     * once, stopped when the test JVM exits, so CI pays the start-up once.
     */
    static synchronized Suite shared() {
        if (shared == null) {
            Suite suite = new Suite();
            suite.up();
            Runtime.getRuntime().addShutdownHook(new Thread(suite::down, "e2e-suite-down"));
            shared = suite;
        }
        return shared;
    }

    void up() {
        run(300, "up", "-d");
    }

    /** Runs {@code ./copilot ARGS} against this suite and returns what it printed. */
    String copilot(int timeoutSeconds, String... args) {
        return run(timeoutSeconds, args);
    }

    Path root() {
        return root;
    }

    void down() {
        run(120, "down");
    }

    String token(String user, String tenant) {
        return run(60, "token", "--user", user, "--tenant", tenant).trim();
    }

    String webhookSecret() {
        try {
            return Files.readString(home.resolve("keys/webhook-secret")).trim();
        } catch (IOException e) {
            throw new IllegalStateException("no webhook secret: is the suite up?", e);
        }
    }

    URI http(String path) {
        return URI.create("http://127.0.0.1:" + GATEWAY_PORT + path);
    }

    URI ws() {
        return URI.create("ws://127.0.0.1:" + GATEWAY_PORT + "/ws");
    }

    /**
     * A second gateway replica from the packaged jar, on its own port, against the same Kafka, MongoDB,
     * keys and services as the first: what a second pod behind a load balancer without sticky routing is.
     */
    Process secondGateway(int port) {
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx384m", "-Dquarkus.profile=dev", "-jar",
                root.resolve("chat-gateway/target/quarkus-app/quarkus-run.jar").toString())
                .directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(logs().resolve("chat-gateway-2.log").toFile());
        Map<String, String> environment = builder.environment();
        environment.remove("KAFKA_BOOTSTRAP_SERVERS");
        environment.remove("MONGODB_URI");
        environment.put("COPILOT_PORT", String.valueOf(port));
        environment.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + env.get("KAFKA_PORT"));
        environment.put("MONGODB_URI", "mongodb://127.0.0.1:" + env.get("MONGO_PORT"));
        environment.put("JWT_PUBLIC_KEY_LOCATION", home.resolve("keys/jwt-public.pem").toString());
        environment.put("JWT_PRIVATE_KEY_LOCATION", home.resolve("keys/jwt-private.pem").toString());
        environment.put("JWT_ISSUER", "copilot-suite-dev");
        environment.put("WEBHOOK_SECRET", webhookSecret());
        environment.put("CALCULATOR_URL", "http://127.0.0.1:" + env.get("CALCULATOR_PORT"));
        environment.put("DOCUMENT_URL", "http://127.0.0.1:" + env.get("DOCUMENT_PORT"));
        environment.put("ORCHESTRATOR_URL", "http://127.0.0.1:" + env.get("ORCHESTRATOR_PORT"));
        environment.put("COPILOT_SERVICE_URL", "http://127.0.0.1:" + env.get("COPILOT_SERVICE_PORT"));
        try {
            return builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a second gateway", e);
        }
    }

    Path logs() {
        return home.resolve("logs");
    }

    private String run(int timeoutSeconds, String... args) {
        List<String> command = new ArrayList<>();
        command.add(root.resolve("copilot").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().remove("KAFKA_BOOTSTRAP_SERVERS");
        builder.environment().remove("MONGODB_URI");
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("./copilot " + String.join(" ", args) + " timed out:\n" + output);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("./copilot " + String.join(" ", args) + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
