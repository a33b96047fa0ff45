package dev.copilotsuite.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.copilotsuite.testing.CopilotTestResource;
import dev.copilotsuite.testing.TestSocket;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With the dev-only flag on (as the dev profile sets it), the development sign-in mints working user tokens. */
@QuarkusTest
@TestProfile(DevTokenEnabledTest.DevSignIn.class)
@WithTestResource(CopilotTestResource.class)
class DevTokenEnabledTest {

    public static class DevSignIn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("copilot.gateway.dev-token.enabled", "true");
        }
    }

    @TestHTTPResource("/ws")
    URI ws;

    @Test
    void aMintedTokenOpensASocketAsThatUser() {
        String token = given().contentType("application/json").body(Map.of("user", "zoe", "tenant", "globex"))
                .post("/api/dev/token").then().statusCode(200).body("user", equalTo("zoe")).body("tenant", equalTo("globex"))
                .extract().path("token");
        try (TestSocket socket = TestSocket.open(URI.create(ws.toString().replace("http", "ws")), token)) {
            socket.send(Map.of("type", "join", "kind", "chat", "sessionId", "s-1"));
            socket.awaitType("joined", Duration.ofSeconds(10));
        }
        String defaults = given().post("/api/dev/token").then().statusCode(200).body("tenant", equalTo("demo"))
                .extract().path("token");
        given().auth().oauth2(defaults).get("/api/calculator/catalog").then().statusCode(503); // authenticated, calculator down
    }

    @Test
    void badFieldsAreRefused() {
        given().contentType("application/json").body(Map.of("user", "a:b")).post("/api/dev/token")
                .then().statusCode(400).body("code", equalTo("INVALID_FIELD"));
        given().contentType("application/json").body(Map.of("tenant", 7)).post("/api/dev/token")
                .then().statusCode(400).body("code", equalTo("INVALID_FIELD"));
        given().contentType("application/json").body("{oops").post("/api/dev/token")
                .then().statusCode(400).body("code", equalTo("MALFORMED_REQUEST"));
    }
}
