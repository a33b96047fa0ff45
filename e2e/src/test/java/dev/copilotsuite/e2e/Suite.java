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
    private final int gatewayPort;

    Suite() {
        this(PORT_BASE, "copilot-home", Map.of());
    }

    /** A suite of its own: ports from {@code portBase}, data under e2e/target/{@code homeName}, extra environment. */
    Suite(int portBase, String homeName, Map<String, String> extraEnv) {
        root = Path.of(System.getenv().getOrDefault("COPILOT_ROOT", "..")).toAbsolutePath().normalize();
        home = root.resolve("e2e/target/" + homeName);
        gatewayPort = portBase;
        env.put("COPILOT_HOME", home.toString());
        env.put("COPILOT_PORT", String.valueOf(portBase));
        env.put("ORCHESTRATOR_PORT", String.valueOf(portBase + 1));
        env.put("CALCULATOR_PORT", String.valueOf(portBase + 2));
        env.put("COPILOT_SERVICE_PORT", String.valueOf(portBase + 3));
        env.put("DOCUMENT_PORT", String.valueOf(portBase + 4));
        env.put("KAFKA_PORT", String.valueOf(portBase + 12));
        env.put("KAFKA_CONTROLLER_PORT", String.valueOf(portBase + 13));
        env.put("MONGO_PORT", String.valueOf(portBase + 17));
        env.put("COPILOT_TODAY", "2026-11-23");
        env.putAll(extraEnv);
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

    private static Suite faults;

    /**
     * One suite for the test classes that kill and restart its processes (CopilotServiceRestartTest,
     * KafkaBrokerRestartTest), on ports and a data directory of its own (ports from E2E_PORT_BASE + 20),
     * so a restart never disturbs the classes that use {@link #shared()}. Each such class leaves every
     * process of it running again when it ends. Started once, stopped when the test JVM exits.
     */
    static synchronized Suite faults() {
        if (faults == null) {
            Suite suite = new Suite(PORT_BASE + 20, "copilot-home-faults", Map.of());
            suite.up();
            Runtime.getRuntime().addShutdownHook(new Thread(suite::down, "e2e-faults-suite-down"));
            faults = suite;
        }
        return faults;
    }

    /** Starts the suite on an empty data directory, so a rerun never meets the sessions of an earlier one. */
    void up() {
        run(120, "down");
        if (Files.exists(home)) {
            try (var paths = Files.walk(home)) {
                paths.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(java.io.File::delete);
            } catch (IOException e) {
                throw new IllegalStateException("could not clear " + home, e);
            }
        }
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

    /** A port of this suite's environment ({@code COPILOT_SERVICE_PORT}, {@code KAFKA_PORT}, ...). */
    int port(String variable) {
        return Integer.parseInt(env.get(variable));
    }

    URI http(String path) {
        return URI.create("http://127.0.0.1:" + gatewayPort + path);
    }

    URI ws() {
        return URI.create("ws://127.0.0.1:" + gatewayPort + "/ws");
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

    /**
     * Kills one process of this suite with SIGKILL, as a crash or an OOM kill would: no shutdown hook,
     * no graceful close of its Kafka or MongoDB clients. {@code name} is as ./copilot names it
     * ({@code copilot-service}, {@code kafka}, ...). Returns once the process is gone.
     */
    void kill(String name) {
        long pid;
        try {
            pid = Long.parseLong(Files.readString(home.resolve("run/" + name + ".pid")).trim());
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("no pid of " + name + ": is the suite up?", e);
        }
        ProcessHandle process = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException(name + " (pid " + pid + ") is not running"));
        process.destroyForcibly();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(name + " (pid " + pid + ") did not die", e);
        }
    }

    /** Whether the process ./copilot started under {@code name} is alive. */
    boolean isRunning(String name) {
        try {
            long pid = Long.parseLong(Files.readString(home.resolve("run/" + name + ".pid")).trim());
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    /** Starts a killed process again with ./copilot start: the same ports, data and keys; returns once it is healthy. */
    /** After a fault test, whatever happened: the next class gets a whole suite. */
    void ensureRunning(String name) {
        if (!isRunning(name)) {
            start(name);
        }
    }

    void start(String name) {
        run(180, "start", name);
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
