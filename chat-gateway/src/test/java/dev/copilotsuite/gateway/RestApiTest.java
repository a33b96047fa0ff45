package dev.copilotsuite.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.copilotsuite.events.Topics;
import dev.copilotsuite.testing.CopilotTestResource;
import dev.copilotsuite.testing.TestTokens;
import dev.copilotsuite.testing.TopicProbe;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/** docs/protocol.md "REST" and AG-UI over HTTP, with the orchestrator's events published by the test. */
@QuarkusTest
@WithTestResource(CopilotTestResource.class)
class RestApiTest {

    static final Duration WAIT = Duration.ofSeconds(15);
    static final ObjectMapper MAPPER = new ObjectMapper();
    static TopicProbe chatRequests;

    @TestHTTPResource("/api/agui")
    URI agui;

    @BeforeAll
    static void probes() {
        chatRequests = new TopicProbe(Publish.bootstrap(), Topics.CHAT_REQUESTS);
    }

    @AfterAll
    static void close() {
        chatRequests.close();
    }

    @BeforeEach
    void ready() throws InterruptedException {
        GatewayReadiness.await();
    }

    @Test
    void aChatMessageIsAnsweredOnceTheTurnCompletes() {
        String session = "s-" + UUID.randomUUID();
        String key = "chat:acme:ana:" + session;
        String token = TestTokens.user("ana", "acme");
        CompletableFuture<Response> answer = CompletableFuture.supplyAsync(() -> given().auth().oauth2(token)
                .contentType("application/json").body(Map.of("text", "add 5 agents", "messageId", "m-rest-1"))
                .post("/api/sessions/" + session + "/chat"));

        var request = chatRequests.await(r -> r.key().equals(key)
                && r.value().path("payload").path("messageId").asText().equals("m-rest-1"), WAIT);
        assertEquals("add 5 agents", request.value().path("payload").path("text").asText());
        // Another user's turn with the same message id must not answer this one.
        Publish.turn("acme", "chat:acme:bob:" + session, "m-rest-1", "r-bob", List.of("not yours"), Map.of());
        Publish.turn("acme", key, "m-rest-1", "r-rest-1", List.of("Added ", "5 agents."),
                Map.of("changes", List.of(Map.of("path", "humanAgents", "before", 40, "after", 45)), "stateVersion", 3,
                        "artifacts", List.of(Map.of("id", "a-9", "title", "Summary", "kind", "EXECUTIVE_SUMMARY"))));

        Response response = answer.join();
        assertEquals(200, response.statusCode(), response.asString());
        assertEquals("Added 5 agents.", response.path("reply"));
        assertEquals(List.of("MODIFY"), response.path("routes"));
        assertEquals(45, (Integer) response.path("changes[0].after"));
        assertEquals("/api/sessions/" + session + "/artifacts/a-9", response.path("artifacts[0].url"));
        assertEquals("Summary", response.path("artifacts[0].title"));
        assertEquals(false, response.path("error"));
        assertEquals("offline", response.path("brain"));
        assertEquals(3, (Integer) response.path("stateVersion"));
    }

    @Test
    void aTurnThatDoesNotCompleteInTimeIsA504() {
        String session = "s-" + UUID.randomUUID();
        given().auth().oauth2(TestTokens.user("ana", "acme")).contentType("application/json")
                .body(Map.of("text", "hello")).post("/api/sessions/" + session + "/chat")
                .then().statusCode(504).body("code", equalTo("TIMEOUT"));
    }

    @Test
    void badChatRequestsAreRefusedAndPublishNothing() {
        String session = "s-" + UUID.randomUUID();
        String token = TestTokens.user("ana", "acme");
        String path = "/api/sessions/" + session + "/chat";
        given().contentType("application/json").body(Map.of("text", "hi")).post(path).then().statusCode(401);
        given().auth().oauth2(TestTokens.service("agent-orchestrator")).contentType("application/json")
                .body(Map.of("text", "hi")).post(path).then().statusCode(403);
        given().auth().oauth2(token).contentType("application/json").body("{not json").post(path)
                .then().statusCode(400).body("code", equalTo("MALFORMED_REQUEST"));
        given().auth().oauth2(token).contentType("application/json").body("[1]").post(path)
                .then().statusCode(400).body("code", equalTo("MALFORMED_REQUEST"));
        given().auth().oauth2(token).contentType("application/json").body(Map.of()).post(path)
                .then().statusCode(400).body("code", equalTo("INVALID_FIELD"));
        given().auth().oauth2(token).contentType("application/json").body(Map.of("text", 42)).post(path)
                .then().statusCode(400).body("code", equalTo("INVALID_FIELD"));
        given().auth().oauth2(token).contentType("application/json").body(Map.of("text", "x".repeat(4001))).post(path)
                .then().statusCode(400).body("code", equalTo("INVALID_FIELD"));
        given().auth().oauth2(token).contentType("application/json").body(Map.of("text", "hi", "messageId", "a/b"))
                .post(path).then().statusCode(400).body("code", equalTo("INVALID_FIELD"));
        given().auth().oauth2(token).contentType("application/json").body(Map.of("text", "x".repeat(70_000)))
                .post(path).then().statusCode(413).body("code", equalTo("TOO_LARGE"));
        given().auth().oauth2(token).contentType("application/json").body(Map.of("text", "hi"))
                .post("/api/sessions/a:b/chat").then().statusCode(400).body("code", equalTo("INVALID_SESSION"));
        assertTrue(chatRequests.drain(Duration.ofSeconds(2)).stream().noneMatch(r -> r.key().endsWith(session)));
    }

    @Test
    void whatOtherServicesServeIsA503WhenTheyAreDown() {
        String token = TestTokens.user("ana", "acme");
        for (String path : List.of("/api/sessions/s-1/thread", "/api/sessions/s-1/calculator", "/api/sessions/s-1/artifacts",
                "/api/calculator/catalog", "/api/calls")) {
            given().auth().oauth2(token).get(path).then().statusCode(503).body("code", equalTo("UNAVAILABLE"));
            given().get(path).then().statusCode(401);
        }
    }

    @Test
    void anHttpAgentRunStreamsTheTurnsAguiEventsAndEnds() throws Exception {
        String session = "s-" + UUID.randomUUID();
        String key = "chat:acme:ana:" + session;
        Map<String, Object> input = Map.of("threadId", session, "runId", "run-1", "state", Map.of(), "tools", List.of(),
                "context", List.of(), "forwardedProps", Map.of(), "messages", List.of(
                        Map.of("id", "u-0", "role", "user", "content", "earlier"),
                        Map.of("id", "a-0", "role", "assistant", "content", "ok"),
                        Map.of("id", "u-1", "role", "user", "content", "what if we add 5 agents?")));
        HttpRequest request = HttpRequest.newBuilder(agui).header("Authorization", "Bearer " + TestTokens.user("ana", "acme"))
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(TopicProbe.json(input))).build();
        CompletableFuture<HttpResponse<Stream<String>>> response = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines());

        var submitted = chatRequests.await(r -> r.key().equals(key)
                && r.value().path("payload").path("messageId").asText().equals("run-1"), WAIT);
        assertEquals("what if we add 5 agents?", submitted.value().path("payload").path("text").asText());
        Publish.turn("acme", key, "run-1", "r-run-1", List.of("It would ", "pay back sooner."), Map.of("stateVersion", 1));

        HttpResponse<Stream<String>> sse = response.get(15, TimeUnit.SECONDS);
        assertEquals(200, sse.statusCode());
        assertTrue(sse.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
        List<JsonNode> events = sse.body().filter(line -> line.startsWith("data:"))
                .map(line -> read(line.substring(5).trim())).toList(); // the stream ends after RUN_FINISHED
        assertEquals(List.of("RUN_STARTED", "TOOL_CALL_START", "TOOL_CALL_ARGS", "TOOL_CALL_END", "TOOL_CALL_RESULT",
                "TEXT_MESSAGE_START", "TEXT_MESSAGE_CONTENT", "TEXT_MESSAGE_CONTENT", "TEXT_MESSAGE_END", "RUN_FINISHED"),
                events.stream().map(e -> e.path("type").asText()).toList());
        assertEquals(session, events.get(0).path("threadId").asText());
        assertEquals("run-1", events.get(0).path("runId").asText());
        assertEquals("It would pay back sooner.", events.get(9).path("result").path("reply").asText());
    }

    @Test
    void aBadRunAgentInputIsRefused() {
        String token = TestTokens.user("ana", "acme");
        given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("threadId", "s-1", "messages", List.of(Map.of("id", "u", "role", "user", "content", "hi"))))
                .post("/api/agui").then().statusCode(400).body("code", equalTo("INVALID_FIELD"));
        given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("threadId", "s-1", "runId", "r-1", "messages", List.of(Map.of("id", "a", "role", "assistant",
                        "content", "hi"))))
                .post("/api/agui").then().statusCode(400).body("code", equalTo("INVALID_FIELD"));
        given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("threadId", "../x", "runId", "r-1", "messages", List.of()))
                .post("/api/agui").then().statusCode(400).body("code", equalTo("INVALID_SESSION"));
        given().contentType("application/json").body(Map.of()).post("/api/agui").then().statusCode(401);
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
