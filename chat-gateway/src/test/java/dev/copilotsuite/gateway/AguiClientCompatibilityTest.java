package dev.copilotsuite.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.copilotsuite.events.Topics;
import dev.copilotsuite.testing.CopilotTestResource;
import dev.copilotsuite.testing.TestSocket;
import dev.copilotsuite.testing.TestTokens;
import dev.copilotsuite.testing.TopicProbe;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The official {@code @ag-ui/client} HttpAgent (npm, run by node from e2e/agui-client) runs one turn against
 * this gateway's POST /api/agui; the turn's events are published onto Kafka by the test, as the orchestrator
 * publishes them. The agent verifies the stream itself and the script parses each event with @ag-ui/core.
 */
@QuarkusTest
@WithTestResource(CopilotTestResource.class)
class AguiClientCompatibilityTest {

    static final Path CLIENT = Path.of("..", "e2e", "agui-client").toAbsolutePath().normalize();
    static TopicProbe chatRequests;

    @TestHTTPResource("/api/agui")
    URI agui;

    @BeforeAll
    static void install() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/node")), "node is not installed here");
        if (!Files.isDirectory(CLIENT.resolve("node_modules/@ag-ui/client"))) {
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(CLIENT.toFile())
                    .redirectErrorStream(true).start();
            String out = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(npm.waitFor(300, TimeUnit.SECONDS) && npm.exitValue() == 0, "npm ci failed: " + out);
        }
        chatRequests = new TopicProbe(Publish.bootstrap(), Topics.CHAT_REQUESTS);
    }

    @AfterAll
    static void close() {
        if (chatRequests != null) {
            chatRequests.close();
        }
    }

    @Test
    void theOfficialHttpAgentRunsATurnAndAcceptsEveryEvent() throws Exception {
        String session = "s-" + UUID.randomUUID();
        String key = "chat:acme:ana:" + session;
        String runId = "run-" + UUID.randomUUID();
        Map<String, String> env = new HashMap<>();
        env.put("GATEWAY_URL", agui.toString());
        env.put("TOKEN", TestTokens.user("ana", "acme"));
        env.put("THREAD_ID", session);
        env.put("RUN_ID", runId);
        env.put("TEXT", "add 5 agents");
        env.put("INITIAL_STATE", "{\"version\":1,\"inputs\":{\"humanAgents\":40},\"outputs\":{}}");
        ProcessBuilder node = new ProcessBuilder("/usr/bin/node", "run-turn.mjs").directory(CLIENT.toFile());
        node.environment().putAll(env);
        Process process = node.start();
        CompletableFuture<String> stdout = read(process.getInputStream());
        CompletableFuture<String> stderr = read(process.getErrorStream());

        // A socket on the same session shows when each event has been sequenced, so the state event from the
        // other topic lands inside the run (as it does live, where the orchestrator's tool call causes it).
        TestSocket watch = TestSocket.open(URI.create(agui.toString().replace("http", "ws").replace("/api/agui", "/ws")),
                TestTokens.user("ana", "acme"));
        watch.send(Map.of("type", "join", "kind", "chat", "sessionId", session));
        watch.awaitType("joined", Duration.ofSeconds(10));
        chatRequests.await(r -> r.key().equals(key) && r.value().path("payload").path("messageId").asText().equals(runId)
                && r.value().path("payload").path("text").asText().equals("add 5 agents"), Duration.ofSeconds(30));
        Publish.event(Topics.CHAT_REPLIES, "acme", key, "chat.run.started", Map.of("replyTo", runId, "brain", "offline"));
        Publish.event(Topics.CHAT_REPLIES, "acme", key, "chat.tool.called", Map.of("replyTo", runId, "toolCallId", "t-1",
                "name", "apply_change", "argsJson", "{\"ops\":[{\"op\":\"add\",\"path\":\"humanAgents\",\"value\":5}]}",
                "resultJson", "{\"version\":2}", "error", false));
        Map<String, Object> changed = new HashMap<>();
        changed.put("version", 2);
        changed.put("actor", "copilot");
        changed.put("previousVersion", 1);
        changed.put("ops", List.of());
        changed.put("patch", List.of(Map.of("op", "replace", "path", "/version", "value", 2),
                Map.of("op", "replace", "path", "/inputs/humanAgents", "value", 45)));
        watch.await(m -> m.path("event").path("type").asText().equals("TOOL_CALL_RESULT"), Duration.ofSeconds(10));
        Publish.event(Topics.CALCULATOR_STATE, "acme", key, "calculator.state.changed", changed);
        watch.await(m -> m.path("event").path("type").asText().equals("STATE_DELTA"), Duration.ofSeconds(10));
        watch.close();
        Publish.event(Topics.CHAT_REPLIES, "acme", key, "chat.reply.delta",
                Map.of("messageId", "r-1", "replyTo", runId, "index", 0, "delta", "Added 5 agents: "));
        Publish.event(Topics.CHAT_REPLIES, "acme", key, "chat.reply.delta",
                Map.of("messageId", "r-1", "replyTo", runId, "index", 1, "delta", "40 → 45."));
        Publish.event(Topics.CHAT_REPLIES, "acme", key, "chat.replied", Map.of("messageId", "r-1", "replyTo", runId,
                "routes", List.of("MODIFY"), "text", "Added 5 agents: 40 → 45.", "brain", "offline", "error", false,
                "failed", false, "stateVersion", 2));

        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the agent did not finish");
        String out = stdout.get(5, TimeUnit.SECONDS);
        assertEquals(0, process.exitValue(), "stdout: " + out + "\nstderr: " + stderr.get(5, TimeUnit.SECONDS));
        JsonNode report = new ObjectMapper().readTree(out.lines().reduce((a, b) -> b).orElseThrow());
        List<String> types = new ArrayList<>();
        report.path("types").forEach(t -> types.add(t.asText()));
        assertEquals(List.of("RUN_STARTED", "TOOL_CALL_START", "TOOL_CALL_ARGS", "TOOL_CALL_END", "TOOL_CALL_RESULT",
                "STATE_DELTA", "TEXT_MESSAGE_START", "TEXT_MESSAGE_CONTENT", "TEXT_MESSAGE_CONTENT", "TEXT_MESSAGE_END",
                "RUN_FINISHED"), types);
        assertEquals(0, report.path("invalid").size(), report.toString());
        assertEquals("Added 5 agents: 40 → 45.", report.path("result").path("reply").asText());
        assertEquals(45, report.path("state").path("inputs").path("humanAgents").asInt(), "the agent applied STATE_DELTA");
        assertEquals(2, report.path("state").path("version").asInt());
        assertTrue(report.path("newMessages").toString().contains("Added 5 agents: 40 → 45."), report.toString());
    }

    private static CompletableFuture<String> read(java.io.InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
    }
}
