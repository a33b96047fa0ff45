package dev.copilotsuite.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.copilotsuite.events.Topics;
import dev.copilotsuite.testing.CopilotTestResource;
import dev.copilotsuite.testing.TopicProbe;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * More transcript events than Kafka has acknowledged yet: the webhook answers 503 OVERLOADED with Retry-After
 * and publishes nothing of that request, never a 500, and takes posts again as soon as Kafka catches up.
 * The test profile bounds the events waiting for Kafka at 16 ({@code copilot.gateway.webhook.max-pending}).
 */
@QuarkusTest
@WithTestResource(CopilotTestResource.class)
class WebhookOverloadTest {

    static final int MAX_PENDING = 16;
    static final ObjectMapper JSON = new ObjectMapper();
    static TopicProbe transcripts;

    @TestHTTPResource("/webhook/transcripts")
    URI hook;

    @BeforeAll
    static void probe() {
        transcripts = new TopicProbe(WebhookResourceTest.bootstrap(), Topics.CALL_TRANSCRIPTS);
    }

    @AfterAll
    static void closeProbe() {
        transcripts.close();
    }

    @Test
    void concurrentPostsPastTheBoundGet503WithRetryAfterAndPublishNothing() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Set<String> acceptedCalls = new HashSet<>();
        Set<String> refusedCalls = new HashSet<>();
        // Each post fills the whole bound, so any two that overlap collide; a few bursts make an overlap certain.
        for (int burst = 0; burst < 5 && refusedCalls.isEmpty(); burst++) {
            List<String> calls = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                calls.add("overload-" + UUID.randomUUID());
            }
            List<HttpResponse<String>> answers = postTogether(http, calls);
            for (int i = 0; i < calls.size(); i++) {
                HttpResponse<String> answer = answers.get(i);
                if (answer.statusCode() == 202) {
                    acceptedCalls.add(calls.get(i));
                } else {
                    assertEquals(503, answer.statusCode(), "only 202 or 503, never a 500: " + answer.body());
                    assertEquals("OVERLOADED", JSON.readTree(answer.body()).path("code").asText(), answer.body());
                    assertEquals("1", answer.headers().firstValue("Retry-After").orElse(null), "Retry-After in seconds");
                    refusedCalls.add(calls.get(i));
                }
            }
        }
        assertTrue(!refusedCalls.isEmpty(), "overlapping posts past the bound were refused");
        assertTrue(!acceptedCalls.isEmpty(), "posts within the bound were taken");

        var records = transcripts.drain(Duration.ofSeconds(3));
        for (String call : acceptedCalls) {
            assertEquals(MAX_PENDING, records.stream().filter(r -> r.key().equals("call:demo:" + call)).count(),
                    "every segment of an accepted post is published once: " + call);
        }
        for (String call : refusedCalls) {
            assertEquals(0, records.stream().filter(r -> r.key().equals("call:demo:" + call)).count(),
                    "nothing of a refused post is published: " + call);
        }

        // The channel is not broken by the burst: the next post is taken.
        String after = "overload-after-" + UUID.randomUUID();
        WebhookResourceTest.post("{\"sessionId\": \"" + after + "\", \"text\": \"still here\"}").statusCode(202);
    }

    @Test
    void aRequestWithMoreSegmentsThanTheBoundIsTooLargeAndPublishesNothing() {
        String contact = "overload-big-" + UUID.randomUUID();
        WebhookResourceTest.post(contactLens(contact, MAX_PENDING + 1)).statusCode(413)
                .body("code", org.hamcrest.Matchers.is("TOO_LARGE"));
        assertEquals(0, transcripts.drain(Duration.ofSeconds(2)).stream()
                .filter(r -> r.key().equals("call:demo:" + contact)).count());
    }

    private List<HttpResponse<String>> postTogether(HttpClient http, List<String> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch ready = new CountDownLatch(calls.size());
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (String call : calls) {
                String body = contactLens(call, MAX_PENDING);
                long now = Instant.now().getEpochSecond();
                HttpRequest request = HttpRequest.newBuilder(hook).header("Content-Type", "application/json")
                        .header("X-Copilot-Timestamp", Long.toString(now))
                        .header("X-Copilot-Signature", WebhookResourceTest.signature(now, body))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        ready.countDown();
                        go.await();
                        return http.send(request, HttpResponse.BodyHandlers.ofString());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, pool));
            }
            ready.await();
            go.countDown();
            List<HttpResponse<String>> done = new ArrayList<>();
            for (CompletableFuture<HttpResponse<String>> answer : answers) {
                done.add(answer.get());
            }
            return done;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A Contact Lens SEGMENTS event carrying {@code finals} final transcript segments. */
    static String contactLens(String contact, int finals) {
        StringBuilder segments = new StringBuilder();
        for (int i = 0; i < finals; i++) {
            segments.append(i == 0 ? "" : ",").append("""
                    {"Transcript": {"Id": "t-%d", "ParticipantId": "C", "ParticipantRole": "CUSTOMER",
                     "Content": "line %d", "BeginOffsetMillis": %d, "EndOffsetMillis": %d}}""".formatted(i, i, i * 1000,
                    i * 1000 + 900));
        }
        return """
                {"Version": "1.0.0", "Channel": "VOICE", "AccountId": "1", "InstanceId": "i-1", "ContactId": "%s",
                 "LanguageCode": "en-US", "EventType": "SEGMENTS", "Segments": [%s]}""".formatted(contact, segments);
    }
}
