package dev.copilotsuite.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.copilotsuite.testing.TestSocket;

/**
 * Two gateway replicas, no sticky routing: an agent whose socket moves from one replica to the other
 * resumes with its last seq and misses nothing, and both replicas number the session's messages alike.
 */
class TwoReplicasTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final Suite SUITE = new Suite();
    static final int SECOND_PORT = Suite.PORT_BASE + 5;
    static Process second;
    static String agent;

    @BeforeAll
    static void up() throws Exception {
        SUITE.up();
        agent = SUITE.token("nadia", "demo");
        second = SUITE.secondGateway(SECOND_PORT);
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + SECOND_PORT + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    break;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            if (System.nanoTime() > deadline || !second.isAlive()) {
                throw new AssertionError("the second gateway never became ready; see chat-gateway-2.log");
            }
            Thread.sleep(500);
        }
    }

    @AfterAll
    static void down() throws Exception {
        if (second != null) {
            second.destroy();
            second.waitFor(20, TimeUnit.SECONDS);
        }
        SUITE.down();
    }

    @Test
    void anAgentMovingToTheOtherReplicaResumesWithoutLoss() throws Exception {
        String call = "c-" + UUID.randomUUID();
        URI secondWs = URI.create("ws://127.0.0.1:" + SECOND_PORT + "/ws");
        // An observer stays on the first replica throughout; the agent starts there and moves.
        try (TestSocket observer = TestSocket.open(SUITE.ws(), agent)) {
            observer.send(Map.of("type", "join", "kind", "call", "sessionId", call));
            observer.awaitType("joined", WAIT);
            long lastSeq;
            try (TestSocket first = TestSocket.open(SUITE.ws(), agent)) {
                first.send(Map.of("type", "join", "kind", "call", "sessionId", call));
                first.awaitType("joined", WAIT);
                post(call, 1);
                lastSeq = first.await(m -> line(m).equals("line 1"), WAIT).path("seq").asLong();
            }
            for (int i = 2; i <= 4; i++) {
                post(call, i);
            }
            observer.await(m -> line(m).equals("line 4"), WAIT);
            try (TestSocket moved = TestSocket.open(secondWs, agent)) {
                moved.send(Map.of("type", "join", "kind", "call", "sessionId", call, "lastSeq", lastSeq));
                moved.await(m -> line(m).equals("line 4"), WAIT);
                post(call, 5);
                moved.await(m -> line(m).equals("line 5"), WAIT);
                observer.await(m -> line(m).equals("line 5"), WAIT);

                assertEquals(List.of("line 2", "line 3", "line 4", "line 5"), lines(moved.received()),
                        "what was missed, then live, in order and once");
                assertTrue(moved.received().stream().noneMatch(m -> m.path("type").asText().equals("resync")));
                // The same message has the same seq on both replicas.
                for (int i = 2; i <= 5; i++) {
                    String text = "line " + i;
                    assertEquals(observer.await(m -> line(m).equals(text), WAIT).path("seq").asLong(),
                            moved.await(m -> line(m).equals(text), WAIT).path("seq").asLong(), text);
                }
                List<Long> seqs = moved.received().stream().filter(m -> m.has("seq") && !m.path("type").asText().equals("joined"))
                        .map(m -> m.path("seq").asLong()).toList();
                for (int i = 1; i < seqs.size(); i++) {
                    assertTrue(seqs.get(i) > seqs.get(i - 1), "seq strictly increases: " + seqs);
                }
            }
        }
    }

    private static void post(String call, int i) throws Exception {
        String body = """
                {"sessionId": "%s", "segmentId": "seg-%d", "speaker": "CUSTOMER", "text": "line %d"}""".formatted(call, i, i);
        HttpResponse<String> accepted = WalkingSkeletonTest.webhook(body, SUITE.webhookSecret());
        assertEquals(202, accepted.statusCode(), accepted.body());
    }

    private static String line(JsonNode message) {
        return message.path("type").asText().equals("transcript_update") && message.path("lines").size() == 1
                ? message.path("lines").path(0).path("text").asText()
                : "";
    }

    private static List<String> lines(List<JsonNode> messages) {
        List<String> out = new ArrayList<>();
        for (JsonNode m : messages) {
            if (!line(m).isEmpty()) {
                out.add(line(m));
            }
        }
        return out;
    }
}
