package dev.copilotsuite.gateway;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.copilotsuite.events.Topics;
import dev.copilotsuite.gateway.websocket.SessionHub;
import dev.copilotsuite.testing.CopilotTestResource;
import dev.copilotsuite.testing.TestSocket;
import dev.copilotsuite.testing.TestTokens;
import dev.copilotsuite.testing.TopicProbe;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** docs/protocol.md "Backpressure" and the browser's way of sending its token. */
@QuarkusTest
@WithTestResource(CopilotTestResource.class)
class BackpressureAndAuthTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @TestHTTPResource("/ws")
    URI ws;

    @Inject
    SessionHub hub;

    @BeforeEach
    void ready() throws InterruptedException {
        GatewayReadiness.await();
    }

    @Test
    void aClientThatStopsReadingDoesNotDelayAnotherAndIsClosed() throws Exception {
        String call = "c-" + UUID.randomUUID();
        String key = "call:acme:" + call;
        long overflowsBefore = hub.overflows();
        long closedBefore = hub.stuckClosed();
        // A real socket that never asks for a message: the server's writes to it stop completing.
        WebSocket stuck = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + TestTokens.user("ana", "acme"))
                .buildAsync(socketUri(), new WebSocket.Listener() {
                    @Override
                    public void onOpen(WebSocket webSocket) {
                        // no request(n): this client reads nothing
                    }
                }).get(10, TimeUnit.SECONDS);
        stuck.sendText(TopicProbe.json(Map.of("type", "join", "kind", "call", "sessionId", call)), true).get(5, TimeUnit.SECONDS);

        try (TestSocket fast = open(TestTokens.user("bob", "acme"))) {
            fast.send(Map.of("type", "join", "kind", "call", "sessionId", call));
            fast.awaitType("joined", WAIT);
            int lines = 1500;
            String text = "x".repeat(7000);
            // Paced in groups of half the send queue (64 in tests), each sent once the reading client has the one
            // before: its queue never holds more than a group however slow the machine, while the stuck client's
            // total still far exceeds its queue and its socket's buffers (about 10 MB).
            int group = 32;
            for (int first = 0; first < lines; first += group) {
                List<Future<?>> sent = new ArrayList<>();
                int last = Math.min(lines, first + group) - 1;
                for (int i = first; i <= last; i++) {
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("segmentId", "seg-" + i);
                    line.put("speaker", "CUSTOMER");
                    line.put("text", text);
                    line.put("partial", false);
                    sent.add(Publish.producer().send(new ProducerRecord<>(Topics.GATEWAY_SESSIONS, key, TopicProbe.json(
                            TopicProbe.envelope("call.segment.received", "acme", key, Map.of("line", line))))));
                }
                for (Future<?> f : sent) {
                    f.get(30, TimeUnit.SECONDS);
                }
                fast.await(m -> SessionProtocolTest.segment(m).equals("seg-" + last), WAIT);
            }
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < lines; i++) {
                expected.add("seg-" + i);
            }
            assertEquals(expected, SessionProtocolTest.segments(fast.received()), "the reading client got everything, in order");
            assertTrue(fast.received().stream().noneMatch(m -> m.path("type").asText().equals("resync")));
        }
        SessionProtocolTest.awaitTrue(() -> hub.overflows() > overflowsBefore);
        SessionProtocolTest.awaitTrue(() -> hub.stuckClosed() > closedBefore);
        stuck.abort();
    }

    @Test
    void aBrowserSendsItsTokenThroughTheSubprotocolCarrier() throws Exception {
        String carrier = "quarkus-http-upgrade%23Authorization%23Bearer%20" + TestTokens.user("ana", "acme");
        List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        CompletableFuture<Void> joined = new CompletableFuture<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols("bearer-token-carrier", carrier)
                .buildAsync(socketUri(), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        received.add(data.toString());
                        if (data.toString().contains("\"joined\"")) {
                            joined.complete(null);
                        }
                        webSocket.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        assertEquals("bearer-token-carrier", socket.getSubprotocol(), "the server picks the carrier, as browsers require");
        socket.sendText(TopicProbe.json(Map.of("type", "join", "kind", "chat", "sessionId", "s-" + UUID.randomUUID())), true)
                .get(5, TimeUnit.SECONDS);
        joined.get(10, TimeUnit.SECONDS);
        socket.abort();

        String expired = "quarkus-http-upgrade%23Authorization%23Bearer%20" + TestTokens.expiredUser("ana", "acme");
        assertThrows(Exception.class, () -> HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols("bearer-token-carrier", expired)
                .buildAsync(socketUri(), new WebSocket.Listener() {
                }).get(10, TimeUnit.SECONDS));
        String service = "quarkus-http-upgrade%23Authorization%23Bearer%20" + TestTokens.service("agent-orchestrator");
        assertThrows(Exception.class, () -> HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols("bearer-token-carrier", service)
                .buildAsync(socketUri(), new WebSocket.Listener() {
                }).get(10, TimeUnit.SECONDS));
    }

    @Test
    void theDevTokenEndpointDoesNotExistOutsideTheDevProfile() {
        RestAssured.given().contentType("application/json").body("{}").post("/api/dev/token")
                .then().statusCode(404).body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void aSocketMayJoinOnlySoManySessions() {
        try (TestSocket socket = open(TestTokens.user("ana", "acme"))) {
            for (int i = 0; i < 65; i++) {
                socket.send(Map.of("type", "join", "kind", "call", "sessionId", "c-" + i));
            }
            assertEquals("TOO_MANY_SESSIONS", socket.await(m -> m.path("type").asText().equals("error")
                    && m.path("code").asText().equals("TOO_MANY_SESSIONS"), WAIT).path("code").asText());
        }
    }

    private URI socketUri() {
        return URI.create(ws.toString().replace("http", "ws"));
    }

    private TestSocket open(String token) {
        return TestSocket.open(socketUri(), token);
    }
}
