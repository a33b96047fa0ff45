package dev.copilotsuite.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.copilotsuite.events.Topics;
import dev.copilotsuite.gateway.service.WebhookSignatures;
import dev.copilotsuite.testing.CopilotTestResource;
import dev.copilotsuite.testing.TopicProbe;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(CopilotTestResource.class)
class WebhookResourceTest {

    static final String SECRET = "test-webhook-secret";
    static TopicProbe transcripts;
    static TopicProbe sessionLog;

    @Inject
    WebhookSignatures signatures;

    @BeforeAll
    static void probe() {
        transcripts = new TopicProbe(bootstrap(), Topics.CALL_TRANSCRIPTS);
        sessionLog = new TopicProbe(bootstrap(), Topics.GATEWAY_SESSIONS);
    }

    @AfterAll
    static void closeProbe() {
        transcripts.close();
        sessionLog.close();
    }

    @Test
    void aSignedFlatSegmentIsPublishedKeyedByItsTenantScopedCall() {
        String call = "c-" + UUID.randomUUID();
        String body = """
                {"sessionId": "%s", "phone": "+16025550142", "state": "AZ", "plan": "PLUS",
                 "contractType": "HOMEOWNER", "segmentId": "s-1", "text": "my AC is blowing warm air"}""".formatted(call);

        post(body).statusCode(202).body("segments", is(1)).body("sessionId", is(call));

        var record = transcripts.await(r -> r.key().equals("call:demo:" + call), Duration.ofSeconds(10));
        assertEquals("call.segment.received", record.value().path("type").asText());
        assertEquals("demo", record.value().path("tenantId").asText());
        var payload = record.value().path("payload");
        assertEquals("my AC is blowing warm air", payload.path("line").path("text").asText());
        assertEquals("CUSTOMER", payload.path("line").path("speaker").asText());
        assertEquals("s-1", payload.path("line").path("segmentId").asText());
        assertEquals("PLUS", payload.path("context").path("plan").asText());
        // The same event, written by the webhook itself to the session log the sockets read.
        var shown = sessionLog.await(r -> r.key().equals("call:demo:" + call), Duration.ofSeconds(10));
        assertEquals(record.value(), shown.value());
        assertTrue(record.headers().getOrDefault("traceparent", "").matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"),
                "trace context travels with the record: " + record.headers());
    }

    @Test
    void aContactLensEventBecomesOneSegmentPerUtteranceAndTranscript() {
        String contact = "4b5e0f3c-" + UUID.randomUUID();
        String body = """
                {"Version": "1.0.0", "Channel": "VOICE", "AccountId": "111122223333", "InstanceId": "i-1",
                 "ContactId": "%s", "LanguageCode": "en-US", "EventType": "SEGMENTS",
                 "Segments": [
                  {"Utterance": {"Id": "u-1", "TranscriptId": "t-9", "ParticipantId": "CUSTOMER", "ParticipantRole": "CUSTOMER",
                                 "PartialContent": "the water heater is", "BeginOffsetMillis": 41000, "EndOffsetMillis": 42100}},
                  {"Transcript": {"Id": "t-9", "ParticipantId": "CUSTOMER", "ParticipantRole": "CUSTOMER",
                                  "Content": "The water heater is leaking all over the garage floor. Is that covered?",
                                  "BeginOffsetMillis": 41000, "EndOffsetMillis": 45800, "Sentiment": "NEGATIVE"}},
                  {"Categories": {"MatchedCategories": ["Leak"], "MatchedDetails": {"Leak": {"PointsOfInterest":
                                  [{"BeginOffsetMillis": 41000, "EndOffsetMillis": 45800}]}}}}]}""".formatted(contact);

        post(body).statusCode(202).body("segments", is(2));

        String key = "call:demo:" + contact;
        var partial = transcripts.await(r -> r.key().equals(key)
                && r.value().path("payload").path("line").path("partial").asBoolean(), Duration.ofSeconds(10));
        assertEquals("t-9", partial.value().path("payload").path("line").path("transcriptId").asText());
        var finalLine = transcripts.await(r -> r.key().equals(key)
                && !r.value().path("payload").path("line").path("partial").asBoolean(), Duration.ofSeconds(10));
        var line = finalLine.value().path("payload").path("line");
        assertEquals("NEGATIVE", line.path("sentiment").asText());
        assertEquals("Leak", line.path("categories").path(0).asText());
    }

    @Test
    void refusesUnsignedBadlySignedStaleAndReplayedRequests() {
        String call = "c-" + UUID.randomUUID();
        String body = "{\"sessionId\": \"" + call + "\", \"text\": \"hello\"}";
        long now = Instant.now().getEpochSecond();

        given().contentType("application/json").body(body).post("/webhook/transcripts").then().statusCode(401)
                .body("code", is("UNSIGNED"));
        given().contentType("application/json").header("X-Copilot-Timestamp", now)
                .header("X-Copilot-Signature", "sha256=" + HexFormat.of().formatHex(WebhookSignatures.sign("wrong", now,
                        body.getBytes(StandardCharsets.UTF_8))))
                .body(body).post("/webhook/transcripts").then().statusCode(401).body("code", is("BAD_SIGNATURE"));
        post(body, now - 600).statusCode(401).body("code", is("STALE_TIMESTAMP"));
        // The body changed after signing.
        given().contentType("application/json").header("X-Copilot-Timestamp", now)
                .header("X-Copilot-Signature", signature(now, body))
                .body(body.replace("hello", "HELLO")).post("/webhook/transcripts").then().statusCode(401);

        post(body, now).statusCode(202);
        post(body, now).statusCode(409).body("code", is("REPLAYED"));

        assertEquals(1, published("call:demo:" + call), "only the accepted request was published");
    }

    @Test
    void replayKeysAreTheSameForTheSameRequestAndSortByItsTimestamp() {
        long now = Instant.now().getEpochSecond();
        byte[] body = "{\"sessionId\":\"c-1\",\"text\":\"hello\"}".getBytes(StandardCharsets.UTF_8);
        String earlier = signatures.authenticate(Long.toString(now - 120), signature(now - 120, new String(body, StandardCharsets.UTF_8)), body);
        String later = signatures.authenticate(Long.toString(now), signature(now, new String(body, StandardCharsets.UTF_8)), body);

        assertEquals(later, signatures.authenticate(Long.toString(now), signature(now, new String(body, StandardCharsets.UTF_8)), body));
        assertTrue(earlier.compareTo(later) < 0, earlier + " sorts before " + later);
        // The replay store's keys then grow with time: each new one is added at the end of its index.
        assertTrue(later.startsWith(now + ":"), later);
    }

    @Test
    void refusesBadPayloadsWithAClearErrorAndPublishesNothing() {
        String call = "c-" + UUID.randomUUID();
        post("{not json").statusCode(400).body("code", is("MALFORMED_JSON"));
        post("[1,2]").statusCode(400).body("code", is("MALFORMED_JSON"));
        post("{\"text\": \"no session\"}").statusCode(400).body("code", is("MISSING_FIELD"));
        post("{\"sessionId\": \"" + call + "\"}").statusCode(400).body("code", is("MISSING_FIELD"));
        post("{\"sessionId\": \"" + call + "\", \"text\": 42}").statusCode(400).body("code", is("INVALID_FIELD"));
        post("{\"sessionId\": \"../../etc\", \"text\": \"x\"}").statusCode(400).body("code", is("INVALID_FIELD"));
        post("{\"sessionId\": \"" + call + "\", \"text\": \"x\", \"plan\": \"GOLD\"}").statusCode(400)
                .body("code", is("INVALID_FIELD"));
        post("{\"sessionId\": \"" + call + "\", \"text\": \"x\", \"beginOffsetMillis\": \"soon\"}").statusCode(400);
        post("{\"sessionId\": \"" + call + "\", \"text\": \"" + "a".repeat(9000) + "\"}").statusCode(400);
        post("{\"sessionId\": \"" + call + "\", \"text\": \"" + "a".repeat(300_000) + "\"}").statusCode(413)
                .body("code", is("TOO_LARGE"));
        post("{\"ContactId\": \"" + call + "\", \"EventType\": \"SEGMENTS\", \"Segments\": [{\"Transcript\": "
                + "{\"Id\": \"t-1\", \"Content\": \"ok\"}}, {\"Utterance\": {\"Id\": \"u-1\"}}]}").statusCode(400);

        assertEquals(0, published("call:demo:" + call), "a refused request publishes nothing, not even its valid part");
    }

    @Test
    void aSegmentWithoutAnIdGetsTheSameDerivedIdWhenPostedAgain() {
        String call = "c-" + UUID.randomUUID();
        String body = "{\"sessionId\": \"" + call + "\", \"text\": \"same words\", \"beginOffsetMillis\": 10}";
        long now = Instant.now().getEpochSecond();
        post(body, now).statusCode(202);
        post(body, now + 1).statusCode(202);

        var records = transcripts.drain(Duration.ofSeconds(2)).stream()
                .filter(r -> r.key().equals("call:demo:" + call)).toList();
        assertEquals(2, records.size());
        String first = records.get(0).value().path("payload").path("line").path("segmentId").asText();
        assertTrue(first.startsWith("h-"));
        assertEquals(first, records.get(1).value().path("payload").path("line").path("segmentId").asText());
    }

    @Test
    void concurrentPostsShareTheReplayCheckAndEveryReplayIsRefused() throws Exception {
        String call = "c-" + UUID.randomUUID();
        long now = Instant.now().getEpochSecond();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            bodies.add("{\"sessionId\": \"" + call + "\", \"segmentId\": \"s-" + i + "\", \"text\": \"line " + i + "\"}");
        }
        // Fewer at once than the test profile lets wait for Kafka (max-pending 16), so none is refused as overload
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            // Posted together, the checks and records of many requests go to MongoDB in shared batches.
            assertEquals(Collections.nCopies(40, 202), statuses(pool, bodies, now));
            assertEquals(Collections.nCopies(40, 409), statuses(pool, bodies, now), "each one a replay now");
            // One signed request posted by several at once: accepted at least once, never refused as anything else,
            // and a replay from then on.
            String twin = "{\"sessionId\": \"" + call + "\", \"segmentId\": \"twin\", \"text\": \"twice\"}";
            List<Integer> twins = statuses(pool, Collections.nCopies(8, twin), now);
            assertTrue(twins.contains(202) && twins.stream().allMatch(status -> status == 202 || status == 409), twins.toString());
            post(twin, now).statusCode(409).body("code", is("REPLAYED"));
        } finally {
            pool.shutdownNow();
        }
        var records = transcripts.drain(Duration.ofSeconds(2)).stream().filter(r -> r.key().equals("call:demo:" + call)).toList();
        assertEquals(40, records.stream().map(r -> r.value().path("payload").path("line").path("segmentId").asText())
                .filter(id -> id.startsWith("s-")).distinct().count(), "every accepted segment published");
    }

    private static List<Integer> statuses(ExecutorService pool, List<String> bodies, long timestamp) throws Exception {
        List<Future<Integer>> answers = new ArrayList<>();
        for (String body : bodies) {
            answers.add(pool.submit(() -> post(body, timestamp).extract().statusCode()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get(30, TimeUnit.SECONDS));
        }
        return statuses;
    }

    private long published(String key) {
        return transcripts.drain(Duration.ofSeconds(2)).stream().filter(r -> r.key().equals(key)).count();
    }

    static ValidatableResponse post(String body) {
        return post(body, Instant.now().getEpochSecond());
    }

    static ValidatableResponse post(String body, long timestamp) {
        return given().contentType("application/json").header("X-Copilot-Timestamp", timestamp)
                .header("X-Copilot-Signature", signature(timestamp, body)).body(body)
                .post("/webhook/transcripts").then();
    }

    static String signature(long timestamp, String body) {
        return "sha256=" + HexFormat.of().formatHex(WebhookSignatures.sign(SECRET, timestamp, body.getBytes(StandardCharsets.UTF_8)));
    }

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
