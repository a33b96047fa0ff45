package dev.copilotsuite.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.copilotsuite.events.Topics;
import dev.copilotsuite.gateway.service.SessionStream;
import dev.copilotsuite.testing.CopilotTestResource;
import dev.copilotsuite.testing.TestSocket;
import dev.copilotsuite.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** docs/protocol.md on the socket: seq, the AG-UI mapping, snapshots, resume and resync. */
@QuarkusTest
@WithTestResource(CopilotTestResource.class)
class SessionProtocolTest {

    static final Duration WAIT = Duration.ofSeconds(15);

    @TestHTTPResource("/ws")
    URI ws;

    @Inject
    SessionStream stream;

    @BeforeEach
    void ready() throws InterruptedException {
        GatewayReadiness.await();
    }

    @Test
    void aTurnReachesTheSocketAsAguiEventsInOrderWithIncreasingSeq() {
        String session = "s-" + UUID.randomUUID();
        String key = "chat:acme:ana:" + session;
        try (TestSocket socket = open(TestTokens.user("ana", "acme"))) {
            socket.send(Map.of("type", "join", "kind", "chat", "sessionId", session));
            JsonNode joined = socket.awaitType("joined", WAIT);
            assertEquals("chat", joined.path("kind").asText());
            // No calculator or orchestrator runs in this test: the join says so and sends an empty thread.
            assertEquals("CALCULATOR_UNAVAILABLE", socket.awaitType("error", WAIT).path("code").asText());
            JsonNode thread = socket.await(m -> m.path("event").path("type").asText().equals("MESSAGES_SNAPSHOT"), WAIT);
            assertEquals(0, thread.path("event").path("messages").size());
            assertEquals(joined.path("seq").asLong(), thread.path("seq").asLong(), "a snapshot is as of the joined seq");

            Publish.turn("acme", key, "m-1", "r-1", List.of("Added 5 ", "agents."),
                    Map.of("changes", List.of(Map.of("path", "humanAgents", "before", 40, "after", 45)), "stateVersion", 2,
                            "artifacts", List.of(Map.of("id", "a-1", "title", "Summary", "kind", "EXECUTIVE_SUMMARY"))));
            // the turn and the state change come from two topics, which the sequencer reads independently: only
            // each topic's own order is defined, so the state change is published once the turn has arrived
            socket.await(m -> m.path("event").path("type").asText().equals("RUN_FINISHED"), WAIT);
            Map<String, Object> changed = new HashMap<>();
            changed.put("version", 2);
            changed.put("actor", "copilot");
            changed.put("previousVersion", 1);
            changed.put("ops", List.of());
            changed.put("patch", List.of(Map.of("op", "replace", "path", "/version", "value", 2),
                    Map.of("op", "replace", "path", "/inputs/humanAgents", "value", 45)));
            Publish.event(Topics.CALCULATOR_STATE, "acme", key, "calculator.state.changed", changed);

            socket.await(m -> m.path("event").path("type").asText().equals("STATE_DELTA"), WAIT);
            List<JsonNode> live = socket.received().stream()
                    .filter(m -> m.path("type").asText().equals("agui") && m.path("seq").asLong() > joined.path("seq").asLong())
                    .toList();
            assertEquals(List.of("RUN_STARTED", "TOOL_CALL_START", "TOOL_CALL_ARGS", "TOOL_CALL_END", "TOOL_CALL_RESULT",
                    "TEXT_MESSAGE_START", "TEXT_MESSAGE_CONTENT", "TEXT_MESSAGE_CONTENT", "TEXT_MESSAGE_END", "RUN_FINISHED",
                    "STATE_DELTA"), Publish.types(live));
            for (int i = 1; i < live.size(); i++) {
                assertTrue(live.get(i).path("seq").asLong() > live.get(i - 1).path("seq").asLong(), "seq strictly increases");
            }
            JsonNode started = live.get(0).path("event");
            assertEquals(session, started.path("threadId").asText());
            assertEquals("m-1", started.path("runId").asText());
            assertEquals("apply_change", live.get(1).path("event").path("toolCallName").asText());
            assertEquals("m-1-t1", live.get(2).path("event").path("toolCallId").asText());
            assertTrue(live.get(2).path("event").path("delta").asText().contains("humanAgents"));
            assertEquals("{\"version\":2}", live.get(4).path("event").path("content").asText());
            assertEquals("assistant", live.get(5).path("event").path("role").asText());
            assertEquals("r-1", live.get(6).path("event").path("messageId").asText());
            assertEquals("agents.", live.get(7).path("event").path("delta").asText());
            JsonNode result = live.get(9).path("event").path("result");
            assertEquals("Added 5 agents.", result.path("reply").asText());
            assertEquals("MODIFY", result.path("routes").path(0).asText());
            assertEquals(45, result.path("changes").path(0).path("after").asInt());
            assertEquals(2, result.path("stateVersion").asInt());
            assertEquals("/api/sessions/" + session + "/artifacts/a-1", result.path("artifacts").path(0).path("url").asText());
            assertEquals("m-1", live.get(9).path("event").path("runId").asText());
            JsonNode delta = live.get(10).path("event").path("delta");
            assertEquals("/inputs/humanAgents", delta.path(1).path("path").asText());
            assertTrue(live.get(10).path("event").path("timestamp").isIntegralNumber());
        }
    }

    @Test
    void aFailedTurnEndsWithRunError() {
        String session = "s-" + UUID.randomUUID();
        String key = "chat:acme:ana:" + session;
        try (TestSocket socket = open(TestTokens.user("ana", "acme"))) {
            socket.send(Map.of("type", "join", "kind", "chat", "sessionId", session));
            socket.awaitType("joined", WAIT);
            Publish.turn("acme", key, "m-2", "r-2", List.of("The copilot failed."), Map.of("failed", true));
            JsonNode error = socket.await(m -> m.path("event").path("type").asText().equals("RUN_ERROR"), WAIT);
            assertEquals("The copilot failed.", error.path("event").path("message").asText());
            assertEquals("TURN_FAILED", error.path("event").path("code").asText());
            assertTrue(socket.received().stream().noneMatch(m -> m.path("event").path("type").asText().equals("RUN_FINISHED")));
        }
    }

    @Test
    void aResumeReplaysExactlyWhatWasMissedThenGoesLive() {
        String call = "c-" + UUID.randomUUID();
        String key = "call:acme:" + call;
        long lastSeq;
        try (TestSocket first = open(TestTokens.user("ana", "acme"))) {
            first.send(Map.of("type", "join", "kind", "call", "sessionId", call));
            first.awaitType("joined", WAIT);
            Publish.transcript("acme", key, "seg-1", "hello");
            Publish.transcript("acme", key, "seg-2", "my fridge broke");
            lastSeq = first.await(m -> segment(m).equals("seg-2"), WAIT).path("seq").asLong();
        }
        for (int i = 3; i <= 5; i++) {
            Publish.transcript("acme", key, "seg-" + i, "line " + i);
        }
        // Another agent of the tenant resumes on a fresh socket, from what the first one saw.
        try (TestSocket second = open(TestTokens.user("bob", "acme"))) {
            second.send(Map.of("type", "join", "kind", "call", "sessionId", call, "lastSeq", lastSeq));
            second.await(m -> segment(m).equals("seg-5"), WAIT);
            Publish.transcript("acme", key, "seg-6", "live again");
            second.await(m -> segment(m).equals("seg-6"), WAIT);
            assertEquals(List.of("seg-3", "seg-4", "seg-5", "seg-6"), segments(second.received()),
                    "in order, nothing twice, no snapshot");
        }
    }

    @Test
    void aResumeIsRebuiltFromKafkaWhenThisReplicaDroppedTheSession() {
        String call = "c-" + UUID.randomUUID();
        String key = "call:acme:" + call;
        long lastSeq;
        try (TestSocket first = open(TestTokens.user("ana", "acme"))) {
            first.send(Map.of("type", "join", "kind", "call", "sessionId", call));
            first.awaitType("joined", WAIT);
            Publish.transcript("acme", key, "seg-1", "hello");
            lastSeq = first.await(m -> segment(m).equals("seg-1"), WAIT).path("seq").asLong();
        }
        Publish.transcript("acme", key, "seg-2", "missed one");
        Publish.transcript("acme", key, "seg-3", "missed two");
        // More active sessions than the replica keeps (50 in tests): this one is dropped from memory.
        String last = null;
        for (int i = 0; i < 60; i++) {
            last = "call:acme:other-" + UUID.randomUUID();
            Publish.transcript("acme", last, "x", "other call");
        }
        String lastKey = last;
        awaitTrue(() -> stream.holds(lastKey));
        assertFalse(stream.holds(key), "the session was evicted");

        try (TestSocket second = open(TestTokens.user("ana", "acme"))) {
            second.send(Map.of("type", "join", "kind", "call", "sessionId", call, "lastSeq", lastSeq));
            second.await(m -> segment(m).equals("seg-3"), WAIT);
            Publish.transcript("acme", key, "seg-4", "live");
            second.await(m -> segment(m).equals("seg-4"), WAIT);
            assertEquals(List.of("seg-2", "seg-3", "seg-4"), segments(second.received()));
            assertTrue(second.received().stream().noneMatch(m -> m.path("type").asText().equals("resync")));
        }
    }

    @Test
    void aClientFurtherBehindThanTheWindowIsToldToResyncAndGetsTheSnapshot() {
        String call = "c-" + UUID.randomUUID();
        String key = "call:acme:" + call;
        long lastSeq;
        try (TestSocket first = open(TestTokens.user("ana", "acme"))) {
            first.send(Map.of("type", "join", "kind", "call", "sessionId", call));
            first.awaitType("joined", WAIT);
            Publish.transcript("acme", key, "seg-0", "seen");
            lastSeq = first.await(m -> segment(m).equals("seg-0"), WAIT).path("seq").asLong();
        }
        for (int i = 1; i <= 70; i++) { // the window keeps 64 in tests
            Publish.transcript("acme", key, "seg-" + i, "line " + i);
        }
        try (TestSocket second = open(TestTokens.user("ana", "acme"))) {
            awaitTrue(() -> {
                second.send(Map.of("type", "ping"));
                return true;
            });
            // Wait until this replica has consumed the last line, then resume.
            try (TestSocket probe = open(TestTokens.user("ana", "acme"))) {
                probe.send(Map.of("type", "join", "kind", "call", "sessionId", call, "lastSeq", lastSeq));
                probe.await(m -> m.path("type").asText().equals("resync") || segment(m).equals("seg-70"), WAIT);
            }
            second.send(Map.of("type", "join", "kind", "call", "sessionId", call, "lastSeq", lastSeq));
            JsonNode resync = second.awaitType("resync", WAIT);
            assertEquals(call, resync.path("sessionId").asText());
            assertEquals("REPLAY_WINDOW_PASSED", resync.path("reason").asText());
            // Then the snapshot: copilot-service does not run in this test, so it says the state is unavailable.
            second.await(m -> m.path("type").asText().equals("error") && m.path("code").asText().equals("UNAVAILABLE"), WAIT);
            assertTrue(segments(second.received()).isEmpty(), "no partial replay after a resync");
        }
    }

    @Test
    void aJoinWithALastSeqFromTheFutureSkipsWhatTheClientAlreadyHas() {
        String call = "c-" + UUID.randomUUID();
        String key = "call:acme:" + call;
        try (TestSocket socket = open(TestTokens.user("ana", "acme"))) {
            socket.send(Map.of("type", "join", "kind", "call", "sessionId", call));
            socket.awaitType("joined", WAIT);
            Publish.transcript("acme", key, "seg-1", "one");
            long seq = socket.await(m -> segment(m).equals("seg-1"), WAIT).path("seq").asLong();
            // Rejoining with what it has: nothing is repeated.
            socket.send(Map.of("type", "join", "kind", "call", "sessionId", call, "lastSeq", seq));
            socket.await(m -> m.path("type").asText().equals("joined") && m.path("seq").asLong() >= seq, WAIT);
            Publish.transcript("acme", key, "seg-2", "two");
            socket.await(m -> segment(m).equals("seg-2"), WAIT);
            assertEquals(List.of("seg-1", "seg-2"), segments(socket.received()));
        }
    }

    static String segment(JsonNode message) {
        return message.path("type").asText().equals("transcript_update") && message.path("lines").size() == 1
                ? message.path("lines").path(0).path("segmentId").asText()
                : "";
    }

    static List<String> segments(List<JsonNode> messages) {
        List<String> out = new ArrayList<>();
        for (JsonNode m : messages) {
            String id = segment(m);
            if (!id.isEmpty()) {
                out.add(id);
            }
        }
        return out;
    }

    static void awaitTrue(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + WAIT);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private TestSocket open(String token) {
        return TestSocket.open(URI.create(ws.toString().replace("http", "ws")), token);
    }
}
