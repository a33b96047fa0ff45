package dev.copilotsuite.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;


import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.copilotsuite.testing.TestSocket;

/**
 * The three paths of the walking skeleton, through the packaged services started by ./copilot up,
 * over real WebSockets and HTTP: chat → orchestrator → calculator → state and reply; a signed
 * transcript → copilot-service → transcript and suggestions; a document request → PDF download.
 */
class WalkingSkeletonTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static Suite SUITE;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static String ana;
    static String bob;
    /** An agent of the tenant the webhook's forwarder posts calls for. */
    static String agent;
    static String otherTenantAgent;

    @BeforeAll
    static void up() {
        SUITE = Suite.shared();
        ana = SUITE.token("ana", "acme");
        bob = SUITE.token("bob", "acme");
        agent = SUITE.token("nadia", "demo");
        otherTenantAgent = SUITE.token("mallory", "acme");
    }

    @Test
    void aChatChangeReachesTheCalculatorAndOnlyItsOwnSessionHearsOfIt() {
        String session = "roi-" + UUID.randomUUID();
        try (TestSocket mine = TestSocket.open(SUITE.ws(), ana); TestSocket other = TestSocket.open(SUITE.ws(), bob)) {
            mine.send(Map.of("type", "join", "kind", "chat", "sessionId", session));
            // The same client id under another user is another session entirely.
            other.send(Map.of("type", "join", "kind", "chat", "sessionId", session));
            JsonNode snapshot = mine.await(m -> aguiType(m).equals("STATE_SNAPSHOT"), WAIT);
            assertEquals(30.0, snapshot.path("event").path("snapshot").path("inputs").path("humanAgents").asDouble());
            other.await(m -> aguiType(m).equals("STATE_SNAPSHOT"), WAIT);

            mine.send(Map.of("type", "chat", "sessionId", session, "text", "Increase agent count to 50 and reduce rent by 10%."));

            JsonNode state = mine.await(m -> aguiType(m).equals("STATE_DELTA"), WAIT);
            assertEquals(session, state.path("sessionId").asText());
            assertEquals(50.0, patched(state, "/inputs/humanAgents").asDouble(), state.toString());
            assertEquals(27000.0, patched(state, "/inputs/rent").asDouble(), 1e-9);
            JsonNode reply = mine.await(m -> aguiType(m).equals("RUN_FINISHED"), WAIT);
            String text = reply.path("event").path("result").path("reply").asText();
            assertTrue(text.contains("30 → 50"), text);
            assertTrue(text.contains("$30.0K → $27.0K"), text);
            assertEquals("MODIFY", reply.path("event").path("result").path("routes").path(0).asText());

            // Bob is connected, joined under the same client id, and hears nothing of Ana's session.
            other.send(Map.of("type", "ping"));
            other.awaitType("pong", WAIT);
            assertTrue(other.received().stream().noneMatch(m -> aguiType(m).equals("RUN_FINISHED")
                    || aguiType(m).equals("STATE_DELTA")), other.received().toString());
        }
    }

    @Test
    void aSignedTranscriptReachesTheAgentWhoJoinedTheCall() throws Exception {
        String call = "c-" + UUID.randomUUID();
        try (TestSocket desk = TestSocket.open(SUITE.ws(), agent);
                TestSocket foreign = TestSocket.open(SUITE.ws(), otherTenantAgent)) {
            desk.send(Map.of("type", "join", "kind", "call", "sessionId", call));
            desk.awaitType("joined", WAIT);
            foreign.send(Map.of("type", "join", "kind", "call", "sessionId", call));
            foreign.awaitType("joined", WAIT);
            String body = """
                    {"sessionId": "%s", "phone": "+14155550101", "state": "CA", "plan": "PLUS",
                     "contractType": "HOMEOWNER", "segmentId": "seg-1",
                     "text": "Hi, my dishwasher stopped draining yesterday. Is that covered?"}""".formatted(call);

            HttpResponse<String> accepted = webhook(body, SUITE.webhookSecret());
            assertEquals(202, accepted.statusCode(), accepted.body());

            JsonNode transcript = desk.await(m -> m.path("type").asText().equals("transcript_update")
                    && m.path("lines").size() > 0, WAIT);
            assertEquals(call, transcript.path("sessionId").asText());
            assertTrue(transcript.path("lines").path(0).path("text").asText().contains("dishwasher"));
            JsonNode customer = desk.awaitType("customer_update", WAIT);
            assertTrue(customer.path("found").asBoolean(), customer.toString());
            JsonNode suggestions = desk.awaitType("suggestion_update", WAIT);
            JsonNode card = suggestions.path("cards").path(0);
            assertEquals("Dishwasher", card.path("item").asText(), suggestions.toString());
            assertEquals("YES", card.path("decision").asText());
            assertEquals("plan-plus", card.path("evidence").path(0).path("docId").asText());
            assertEquals("PROBLEM", suggestions.path("intent").asText());

            // An agent of another tenant who names the same call id hears nothing of it.
            foreign.send(Map.of("type", "ping"));
            foreign.awaitType("pong", WAIT);
            // (Its join got the snapshot of its own tenant's call of that id: an empty transcript.)
            assertTrue(foreign.received().stream().noneMatch(m -> m.path("type").asText().endsWith("_update")
                    && !(m.path("type").asText().equals("transcript_update") && m.path("lines").isEmpty())),
                    foreign.received().toString());
        }
    }

    @Test
    void aDocumentRequestEndsInADownloadOnlyItsOwnerCanFetch() throws Exception {
        String session = "doc-" + UUID.randomUUID();
        try (TestSocket mine = TestSocket.open(SUITE.ws(), ana)) {
            mine.send(Map.of("type", "join", "kind", "chat", "sessionId", session));
            mine.await(m -> aguiType(m).equals("STATE_SNAPSHOT"), WAIT);
            mine.send(Map.of("type", "chat", "sessionId", session, "text", "Prepare an executive summary for my CFO"));

            JsonNode reply = mine.await(m -> aguiType(m).equals("RUN_FINISHED"), WAIT);
            assertEquals("GENERATE", reply.path("event").path("result").path("routes").path(0).asText());
            JsonNode ready = mine.awaitType("artifact_ready", Duration.ofSeconds(60));
            String url = ready.path("url").asText();
            assertTrue(url.startsWith("/api/sessions/" + session + "/artifacts/"), url);

            HttpResponse<byte[]> pdf = HTTP.send(HttpRequest.newBuilder(SUITE.http(url))
                    .header("Authorization", "Bearer " + ana).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, pdf.statusCode());
            assertEquals("%PDF", new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII));

            HttpResponse<String> foreign = HTTP.send(HttpRequest.newBuilder(SUITE.http(url))
                    .header("Authorization", "Bearer " + bob).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, foreign.statusCode(), "another user's download must not even be found");
            HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(SUITE.http(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(401, anonymous.statusCode());
        }
    }

    @Test
    void evaluateThroughTheGatewayIsStatelessAndNamesABadInput() throws Exception {
        String defaults = """
                {"humanAgents": 30, "humanSalary": 48000, "benefitsLoad": 0.25, "rent": 30000, "seatCost": 150,
                 "productiveHours": 140, "targetOccupancy": 0.85, "peakFactor": 1.5, "peakShare": 0.30,
                 "aiHandleTimeReduction": 0.25, "aiPromiseLift": 0.10, "aiContainment": 0.60, "aiContactLift": 0.15,
                 "aiPromiseFactor": 0.90, "aiCostPerMinute": 0.12, "aiPlatformFee": 15000, "aiImplementationCost": 250000,
                 "buckets": {
                  "bucket1": {"accounts": 12000, "avgBalance": 850, "attemptsPerAccount": 4, "contactRate": 0.22, "handleMinutes": 6,
                              "dialMinutes": 0.8, "promiseRate": 0.45, "keptRate": 0.75, "paymentShare": 1.0, "strategy": "AI_AUGMENTED"},
                  "bucket2": {"accounts": 6000, "avgBalance": 1100, "attemptsPerAccount": 6, "contactRate": 0.18, "handleMinutes": 8,
                              "dialMinutes": 0.8, "promiseRate": 0.38, "keptRate": 0.68, "paymentShare": 0.90, "strategy": "HUMAN"},
                  "bucket3": {"accounts": 3000, "avgBalance": 1400, "attemptsPerAccount": 8, "contactRate": 0.14, "handleMinutes": 10,
                              "dialMinutes": 0.8, "promiseRate": 0.30, "keptRate": 0.60, "paymentShare": 0.75, "strategy": "HUMAN"},
                  "bucket4": {"accounts": 1500, "avgBalance": 1900, "attemptsPerAccount": 8, "contactRate": 0.10, "handleMinutes": 12,
                              "dialMinutes": 0.8, "promiseRate": 0.22, "keptRate": 0.50, "paymentShare": 0.60, "strategy": "HUMAN"}}}""";
        HttpResponse<String> ok = evaluate(defaults, ana);
        assertEquals(200, ok.statusCode(), ok.body());
        // The spec's worked figures for bucket1 on AI_AUGMENTED.
        assertTrue(ok.body().contains("\"paybackMonths\":0.7456"), ok.body());
        assertTrue(ok.body().contains("\"peakUtilization\":0.9131"), ok.body());

        HttpResponse<String> bad = evaluate(defaults.replace("\"targetOccupancy\": 0.85", "\"targetOccupancy\": 1.5"), ana);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("targetOccupancy") && bad.body().contains("1.5"), bad.body());
        assertEquals(401, evaluate(defaults, null).statusCode());
    }

    @Test
    void badInputAtTheEntryPointsIsRefusedClearly() throws Exception {
        String call = "c-" + UUID.randomUUID();
        assertEquals(400, webhook("{\"sessionId\": \"" + call + "\", \"text\": ", SUITE.webhookSecret()).statusCode());
        assertEquals(400, webhook("{\"text\": \"no session\"}", SUITE.webhookSecret()).statusCode());
        assertEquals(401, webhook("{\"sessionId\": \"" + call + "\", \"text\": \"hi\"}", "not-the-secret").statusCode());
        HttpResponse<String> unsigned = HTTP.send(HttpRequest.newBuilder(SUITE.http("/webhook/transcripts"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, unsigned.statusCode());

        assertThrows(RuntimeException.class, () -> TestSocket.open(SUITE.ws(), null), "a socket needs a token");
        assertThrows(RuntimeException.class, () -> TestSocket.open(SUITE.ws(), "not.a.jwt"));

        try (TestSocket socket = TestSocket.open(SUITE.ws(), ana)) {
            socket.send("{not json");
            assertEquals("INVALID_MESSAGE", socket.awaitType("error", WAIT).path("code").asText());
            socket.send(Map.of("type", "chat", "text", "no session id"));
            socket.await(m -> "INVALID_SESSION".equals(m.path("code").asText()), WAIT);
            socket.send(Map.of("type", "chat", "sessionId", "never-joined", "text", "hello"));
            socket.await(m -> "NOT_JOINED".equals(m.path("code").asText()), WAIT);
        }
    }

    /** The AG-UI event type of an {@code agui} message, else "". */
    static String aguiType(JsonNode message) {
        return message.path("type").asText().equals("agui") ? message.path("event").path("type").asText() : "";
    }

    /** The value a STATE_DELTA sets at a JSON pointer. */
    static JsonNode patched(JsonNode stateDelta, String pointer) {
        for (JsonNode op : stateDelta.path("event").path("delta")) {
            if (op.path("path").asText().equals(pointer)) {
                return op.path("value");
            }
        }
        throw new AssertionError("no " + pointer + " in " + stateDelta);
    }

    private static HttpResponse<String> evaluate(String body, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(SUITE.http("/api/calculator/evaluate"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> webhook(String body, String secret) throws IOException, InterruptedException {
        long timestamp = Instant.now().getEpochSecond();
        return HTTP.send(HttpRequest.newBuilder(Suite.shared().http("/webhook/transcripts"))
                .header("Content-Type", "application/json")
                .header("X-Copilot-Timestamp", String.valueOf(timestamp))
                .header("X-Copilot-Signature", CallForwarder.signature(secret, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
