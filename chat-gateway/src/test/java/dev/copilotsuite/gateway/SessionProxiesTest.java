package dev.copilotsuite.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import dev.copilotsuite.events.calculator.DriversView;
import dev.copilotsuite.events.calculator.DriversView.Sensitivity;
import dev.copilotsuite.testing.CopilotTestResource;
import dev.copilotsuite.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@code GET /api/sessions/{id}/drivers} (the same auth and ownership as the calculator proxy) and
 * {@code GET /api/calls/{id}/copilot}. calculator-service and copilot-service are answered at the wire by a
 * loopback HTTP server that records which session key the gateway asked for.
 */
@QuarkusTest
@WithTestResource(CopilotTestResource.class)
@WithTestResource(SessionProxiesTest.Calculator.class)
class SessionProxiesTest {

    static final java.time.Instant NOW = java.time.Instant.now();

    static final ObjectMapper MAPPER = new ObjectMapper();

    @BeforeEach
    void ready() throws InterruptedException {
        GatewayReadiness.await();
        Calculator.asked.clear();
    }

    @Test
    void aUserGetsTheDriversOfTheirOwnSession() {
        given().auth().oauth2(TestTokens.user("ana", "acme")).get("/api/sessions/s-1/drivers").then().statusCode(200)
                .body("netRecovery", equalTo(1200.0f))
                .body("sensitivities[0].inputPath", equalTo("humanAgents"))
                .body("sensitivities[0].netRecoveryChange", equalTo(-300.0f))
                .body("sensitivities[1].peakUtilizationChange", equalTo(null));
        Asked asked = Calculator.asked.poll();
        assertEquals("/internal/sessions/chat:acme:ana:s-1/drivers", asked.path());
        assertTrue(asked.authorization().startsWith("Bearer "), "the gateway calls as a service");
    }

    @Test
    void anotherUserNamingTheSameIdReadsTheirOwnSessionNeverAnas() {
        given().auth().oauth2(TestTokens.user("bob", "acme")).get("/api/sessions/s-1/drivers").then().statusCode(200);
        given().auth().oauth2(TestTokens.user("ana", "globex")).get("/api/sessions/s-1/drivers").then().statusCode(200);
        assertEquals(List.of("/internal/sessions/chat:acme:bob:s-1/drivers", "/internal/sessions/chat:globex:ana:s-1/drivers"),
                Calculator.asked.stream().map(Asked::path).toList());
    }

    @Test
    void noTokenIs401AndATokenThatIsNotAUsersIs403() {
        given().get("/api/sessions/s-1/drivers").then().statusCode(401);
        given().auth().oauth2(TestTokens.expiredUser("ana", "acme")).get("/api/sessions/s-1/drivers").then().statusCode(401);
        given().auth().oauth2(TestTokens.service("copilot-service")).get("/api/sessions/s-1/drivers").then().statusCode(403);
        assertTrue(Calculator.asked.isEmpty(), "nothing reached the calculator");
    }

    @Test
    void aBadSessionIdIs400AndASessionTheCalculatorDoesNotKnowIs404() {
        given().auth().oauth2(TestTokens.user("ana", "acme")).get("/api/sessions/a:b/drivers").then().statusCode(400)
                .body("code", equalTo("INVALID_SESSION"));
        given().auth().oauth2(TestTokens.user("ana", "acme")).get("/api/sessions/" + "x".repeat(129) + "/drivers").then()
                .statusCode(400).body("code", equalTo("INVALID_SESSION"));
        given().auth().oauth2(TestTokens.user("ana", "acme")).get("/api/sessions/unknown/drivers").then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
        given().auth().oauth2(TestTokens.user("ana", "acme")).get("/api/sessions/broken/drivers").then().statusCode(503)
                .body("code", equalTo("UNAVAILABLE"));
    }

    @Test
    void theCopilotStateOfACallOfTheCallersTenant() {
        String ana = TestTokens.user("ana", "acme");
        given().auth().oauth2(ana).get("/api/calls/c-on/copilot").then().statusCode(200)
                .body("callId", equalTo("c-on")).body("copilot", equalTo("ENABLED"))
                .body("context.contractType", equalTo("HOMEOWNER")).body("context.selectedPlan", equalTo("PLUS"))
                .body("segments", equalTo(2));
        assertEquals("/internal/tenants/acme/calls/call:acme:c-on", Calculator.asked.poll().path());
        given().auth().oauth2(ana).get("/api/calls/c-off/copilot").then().statusCode(200).body("copilot", equalTo("DISABLED"))
                .body("enabledUntil", equalTo(null)).body("segments", equalTo(0));
        given().auth().oauth2(ana).get("/api/calls/c-idle/copilot").then().statusCode(200).body("copilot", equalTo("EXPIRED"));
        given().auth().oauth2(ana).get("/api/calls/c-lapsed/copilot").then().statusCode(200).body("copilot", equalTo("EXPIRED"));
        // Another tenant naming the same call reads its own tenant's call only.
        given().auth().oauth2(TestTokens.user("eve", "globex")).get("/api/calls/c-on/copilot").then().statusCode(200);
        assertEquals("/internal/tenants/globex/calls/call:globex:c-on",
                Calculator.asked.stream().reduce((a, b) -> b).orElseThrow().path());
    }

    @Test
    void theCopilotStateRefusesWhatTheDriversRefuse() {
        String ana = TestTokens.user("ana", "acme");
        given().get("/api/calls/c-on/copilot").then().statusCode(401);
        given().auth().oauth2(TestTokens.service("copilot-service")).get("/api/calls/c-on/copilot").then().statusCode(403);
        given().auth().oauth2(ana).get("/api/calls/a:b/copilot").then().statusCode(400).body("code", equalTo("INVALID_SESSION"));
        given().auth().oauth2(ana).get("/api/calls/unknown/copilot").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        given().auth().oauth2(ana).get("/api/calls/broken/copilot").then().statusCode(503).body("code", equalTo("UNAVAILABLE"));
    }

    record Asked(String path, String authorization) {
    }

    /** calculator-service at the wire: DriversView JSON for any session, 404 for "unknown", 500 for "broken". */
    public static class Calculator implements QuarkusTestResourceLifecycleManager {

        static final ConcurrentLinkedQueue<Asked> asked = new ConcurrentLinkedQueue<>();
        private HttpServer server;

        @Override
        public Map<String, String> start() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/internal/sessions/", exchange -> {
                String path = exchange.getRequestURI().getRawPath();
                asked.add(new Asked(java.net.URLDecoder.decode(path, StandardCharsets.UTF_8),
                        String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"))));
                int status = path.contains(":unknown/") ? 404 : path.contains(":broken/") ? 500 : 200;
                byte[] body = status == 200 ? MAPPER.writeValueAsBytes(new DriversView(0.9, 1200, List.of(), List.of(),
                        List.of(), List.of(new Sensitivity("humanAgents", "Human agents", 40, 44, -300, -0.08),
                                new Sensitivity("buckets.bucket1.balance", "Balance in bucket 1", 1000, 1100, 90, null))))
                        : ("{\"code\":\"X\",\"message\":\"status " + status + "\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.createContext("/internal/tenants/", exchange -> {
                String path = java.net.URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
                asked.add(new Asked(path, String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"))));
                String call = path.substring(path.lastIndexOf(':') + 1);
                Map<String, Object> context = Map.of("contractType", "HOMEOWNER", "selectedPlan", "PLUS", "selectedState", "CA");
                java.util.HashMap<String, Object> view = new java.util.HashMap<>(Map.of("sessionId", path.substring(path.lastIndexOf('/') + 1),
                        "context", context, "transcript", List.of()));
                switch (call) {
                    case "c-on" -> view.putAll(Map.of("enabled", true, "enabledUntil", NOW.plusSeconds(600).toString(),
                            "transcript", List.of(Map.of("segmentId", "s-1", "text", "hi"), Map.of("segmentId", "s-2", "text", "my AC"))));
                    case "c-off" -> view.put("enabled", false);
                    case "c-idle" -> view.putAll(Map.of("enabled", true, "enabledUntil", NOW.minusSeconds(5).toString()));
                    case "c-lapsed" -> view.putAll(Map.of("enabled", false, "enabledUntil", NOW.minusSeconds(60).toString()));
                    default -> view.put("enabled", true);
                }
                int status = call.equals("unknown") ? 404 : call.equals("broken") ? 500 : 200;
                byte[] body = status == 200 ? MAPPER.writeValueAsBytes(view)
                        : ("{\"code\":\"X\",\"message\":\"status " + status + "\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            return Map.of("quarkus.rest-client.calculator.url", url, "quarkus.rest-client.copilot.url", url);
        }

        @Override
        public void stop() {
            if (server != null) {
                server.stop(0);
            }
        }
    }
}
