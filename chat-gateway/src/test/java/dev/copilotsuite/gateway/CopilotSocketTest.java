package dev.copilotsuite.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.copilotsuite.events.Topics;
import dev.copilotsuite.testing.CopilotTestResource;
import dev.copilotsuite.testing.TestSocket;
import dev.copilotsuite.testing.TestTokens;
import dev.copilotsuite.testing.TopicProbe;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(CopilotTestResource.class)
class CopilotSocketTest {

    static final Duration WAIT = Duration.ofSeconds(10);
    static TopicProbe chatRequests;
    static TopicProbe calculatorCommands;

    @TestHTTPResource("/ws")
    URI ws;

    @BeforeAll
    static void probes() {
        chatRequests = new TopicProbe(bootstrap(), Topics.CHAT_REQUESTS);
        calculatorCommands = new TopicProbe(bootstrap(), Topics.CALCULATOR_COMMANDS);
    }

    @AfterAll
    static void close() {
        chatRequests.close();
        calculatorCommands.close();
    }

    /** As a load balancer would: no traffic before the outbound consumers hold their partitions. */
    @BeforeEach
    void ready() throws InterruptedException {
        GatewayReadiness.await();
    }

    @Test
    void theUpgradeNeedsAValidUserToken() {
        URI uri = URI.create(ws.toString().replace("http", "ws"));
        assertThrows(RuntimeException.class, () -> TestSocket.open(uri, null));
        assertThrows(RuntimeException.class, () -> TestSocket.open(uri, TestTokens.expiredUser("ana", "acme")));
        assertThrows(RuntimeException.class, () -> TestSocket.open(uri, TestTokens.service("agent-orchestrator")));
    }

    @Test
    void aChatMessageIsPublishedUnderTheCallersOwnSessionKey() {
        String session = "s-" + UUID.randomUUID();
        try (TestSocket socket = open(TestTokens.user("ana", "acme"))) {
            socket.send(Map.of("type", "join", "kind", "chat", "sessionId", session));
            socket.awaitType("joined", WAIT);
            socket.send(Map.of("type", "chat", "sessionId", session, "messageId", "m-1", "text", "add 5 agents"));

            var record = chatRequests.await(r -> r.key().equals("chat:acme:ana:" + session), WAIT);
            assertEquals("chat.message.submitted", record.value().path("type").asText());
            assertEquals("acme", record.value().path("tenantId").asText());
            assertEquals("add 5 agents", record.value().path("payload").path("text").asText());
            assertEquals("ana", record.value().path("payload").path("userId").asText());
        }
    }

    @Test
    void anOutboundEventReachesOnlyTheSocketsOfItsSession() {
        String session = "s-" + UUID.randomUUID();
        try (TestSocket ana = open(TestTokens.user("ana", "acme")); TestSocket bob = open(TestTokens.user("bob", "acme"));
                TestSocket eve = open(TestTokens.user("ana", "globex"))) {
            for (TestSocket socket : List.of(ana, bob, eve)) {
                socket.send(Map.of("type", "join", "kind", "chat", "sessionId", session));
                socket.awaitType("joined", WAIT);
            }
            TopicProbe.produce(bootstrap(), Topics.CHAT_REPLIES, "chat:acme:ana:" + session,
                    TopicProbe.json(TopicProbe.envelope("chat.replied", "acme", "chat:acme:ana:" + session,
                            Map.of("messageId", "r-1", "replyTo", "m-1", "routes", List.of("OTHER"), "text", "hello ana",
                                    "brain", "offline", "error", false))));

            var reply = ana.await(m -> m.path("event").path("type").asText().equals("RUN_FINISHED"), WAIT);
            assertEquals(session, reply.path("sessionId").asText(), "the client sees its own id, not the internal key");
            assertEquals("hello ana", reply.path("event").path("result").path("reply").asText());

            for (TestSocket other : List.of(bob, eve)) {
                other.send(Map.of("type", "ping"));
                other.awaitType("pong", WAIT);
                assertTrue(other.received().stream().noneMatch(m -> m.path("event").path("type").asText().startsWith("RUN_")),
                        "another user or tenant with the same client id must hear nothing");
            }
        }
    }

    @Test
    void badMessagesGetAnErrorAndPublishNothing() {
        String session = "s-" + UUID.randomUUID();
        try (TestSocket socket = open(TestTokens.user("ana", "acme"))) {
            socket.send("{\"type\": \"explode\"}");
            assertEquals("INVALID_MESSAGE", socket.awaitType("error", WAIT).path("code").asText());
            socket.send(Map.of("type", "join", "sessionId", session));
            socket.await(m -> m.path("message").asText().contains("kind"), WAIT);
            socket.send(Map.of("type", "join", "kind", "chat", "sessionId", "../other"));
            socket.await(m -> "INVALID_SESSION".equals(m.path("code").asText()), WAIT);

            socket.send(Map.of("type", "join", "kind", "chat", "sessionId", session));
            socket.awaitType("joined", WAIT);
            socket.send(Map.of("type", "chat", "sessionId", session, "text", "x".repeat(4001)));
            socket.send(Map.of("type", "chat", "sessionId", session, "text", "  "));
            socket.send(Map.of("type", "calculator_change", "sessionId", session, "ops", List.of()));
            socket.send(Map.of("type", "calculator_change", "sessionId", session, "ops", List.of(Map.of("value", 3))));
            socket.await(m -> m.path("type").asText().equals("error")
                    && m.path("message").asText().startsWith("ops"), WAIT);

            String key = "chat:acme:ana:" + session;
            assertTrue(chatRequests.drain(Duration.ofSeconds(2)).stream().noneMatch(r -> r.key().equals(key)));
            assertTrue(calculatorCommands.drain(Duration.ofSeconds(1)).stream().noneMatch(r -> r.key().equals(key)));
        }
    }

    @Test
    void aCalculatorEditIsPublishedAsAUserChange() {
        String session = "s-" + UUID.randomUUID();
        try (TestSocket socket = open(TestTokens.user("ana", "acme"))) {
            socket.send(Map.of("type", "join", "kind", "chat", "sessionId", session));
            socket.awaitType("joined", WAIT);
            socket.send(Map.of("type", "calculator_change", "sessionId", session, "requestId", "edit-1", "expectedVersion", 0,
                    "ops", List.of(Map.of("op", "set", "path", "humanAgents", "value", 40))));

            var record = calculatorCommands.await(r -> r.key().equals("chat:acme:ana:" + session), WAIT);
            var payload = record.value().path("payload");
            assertEquals("user", payload.path("actor").asText());
            assertEquals("ana", payload.path("actorRef").asText());
            assertEquals("edit-1", payload.path("requestId").asText());
            assertEquals(0, payload.path("expectedVersion").asInt());
            assertEquals(40, payload.path("ops").path(0).path("value").asInt());

            socket.send(Map.of("type", "calculator_undo", "sessionId", session, "requestId", "undo-1"));
            socket.send(Map.of("type", "calculator_reset", "sessionId", session, "requestId", "reset-1"));
            calculatorCommands.await(r -> r.value().path("type").asText().equals("calculator.undo.requested")
                    && r.value().path("payload").path("requestId").asText().equals("undo-1"), WAIT);
            var reset = calculatorCommands.await(r -> r.value().path("type").asText().equals("calculator.reset.requested"),
                    WAIT);
            assertEquals("chat:acme:ana:" + session, reset.key());
        }
    }

    private TestSocket open(String token) {
        return TestSocket.open(URI.create(ws.toString().replace("http", "ws")), token);
    }

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
