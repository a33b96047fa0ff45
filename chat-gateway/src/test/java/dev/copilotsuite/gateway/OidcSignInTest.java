package dev.copilotsuite.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.copilotsuite.testing.CopilotTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;

/**
 * The production sign-in against a local OpenID Connect provider (WireMock speaking the provider's endpoints):
 * the code flow on /api/auth/login ends with a suite user token in the app's address, which REST then accepts;
 * every other path still answers a missing token with 401, never a redirect to the provider.
 */
@QuarkusTest
@TestProfile(OidcSignInTest.Oidc.class)
@WithTestResource(CopilotTestResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class OidcSignInTest {

    static final ObjectMapper MAPPER = new ObjectMapper();

    /** The prod profile's OIDC settings (application.properties), pointed at the local provider. */
    public static class Oidc implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>();
            config.put("quarkus.oidc.sign-in.tenant-enabled", "true");
            config.put("quarkus.oidc.sign-in.auth-server-url", "${keycloak.url}/realms/quarkus/");
            config.put("quarkus.oidc.sign-in.client-id", "quarkus-web-app");
            config.put("quarkus.oidc.sign-in.credentials.secret", "secret");
            // The local provider's ID and access tokens name these audiences rather than the client id.
            config.put("quarkus.oidc.sign-in.token.audience", "https://id.server.example.com,https://server.example.com");
            config.put("quarkus.http.auth.permission.oidc-sign-in.paths", "/api/auth/login");
            config.put("quarkus.http.auth.permission.oidc-sign-in.policy", "authenticated");
            // OidcWiremockTestResource makes its own privateKey.jwk the signing key of this test JVM, so the gateway
            // signs suite tokens with it here: REST then verifies them with that key's public half.
            config.put("mp.jwt.verify.publickey.location", "${keycloak.url}/realms/quarkus/protocol/openid-connect/certs");
            // The local provider's users carry no tenant claim.
            config.put("copilot.gateway.oidc.default-tenant", "acme");
            return config;
        }
    }

    @ConfigProperty(name = "keycloak.url")
    String provider;

    @BeforeEach
    void ready() throws InterruptedException {
        GatewayReadiness.await();
    }

    @Test
    void theCodeFlowEndsWithASuiteTokenThatRestAccepts() throws Exception {
        // 1. The app's sign-in link sends the browser to the provider, with the flow's state in a cookie.
        Response start = given().redirects().follow(false).get("/api/auth/login");
        assertEquals(302, start.statusCode(), start.asString());
        URI authorize = URI.create(start.header("Location"));
        assertTrue(authorize.toString().startsWith(provider), authorize.toString());
        Map<String, String> query = query(authorize);
        assertEquals("quarkus-web-app", query.get("client_id"));
        Map<String, String> cookies = new HashMap<>(start.cookies());

        // 2. The user signs in at the provider, which sends the browser back with a code.
        HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                provider.replaceFirst("/auth$", "") + "/login?state=" + enc(query.get("state")) + "&redirect_uri="
                        + enc(query.get("redirect_uri")))).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, login.statusCode(), login.body());
        URI callback = URI.create(login.headers().firstValue("Location").orElseThrow());
        assertTrue(callback.getPath().equals("/api/auth/login") && callback.getQuery().contains("code="), callback.toString());

        // 3. The gateway exchanges the code; then, signed in, it hands the app a suite token in the fragment.
        Response back = given().urlEncodingEnabled(false).redirects().follow(false).cookies(cookies).get(callback.getPath() + "?" + callback.getRawQuery());
        cookies.putAll(back.cookies());
        Response done = back;
        for (int hop = 0; hop < 3 && done.statusCode() == 302 && done.header("Location").contains("/api/auth/login"); hop++) {
            done = given().redirects().follow(false).cookies(cookies).get("/api/auth/login");
            cookies.putAll(done.cookies());
        }
        assertEquals(303, done.statusCode(), done.statusCode() + " " + done.headers() + " " + done.asString());
        assertEquals("no-store", done.header("Cache-Control"));
        String location = done.header("Location");
        assertTrue(location.matches("(https?://[^/]+)?/#token=[^&]+"), location);
        String token = URLDecoder.decode(location.substring(location.indexOf("#token=") + 7), StandardCharsets.UTF_8);

        JsonNode claims = MAPPER.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertEquals("alice", claims.path("upn").asText());
        assertEquals("acme", claims.path("tenant").asText());
        assertEquals("user", claims.path("groups").path(0).asText());
        assertEquals("copilot-suite", claims.path("iss").asText());
        // REST takes it as a user's token: past authentication to the service behind (down here: 503, not 401/403).
        given().auth().oauth2(token).get("/api/calls").then().statusCode(503).body("code", equalTo("UNAVAILABLE"));
    }

    @Test
    void everyOtherPathStillAnswersAMissingTokenWith401NotARedirect() {
        given().redirects().follow(false).get("/api/calls").then().statusCode(401);
        given().redirects().follow(false).get("/api/sessions/s-1/drivers").then().statusCode(401);
        given().redirects().follow(false).contentType("application/json").body("{}").post("/webhook/transcripts").then()
                .statusCode(401).body("code", equalTo("UNSIGNED"));
        given().redirects().follow(false).post("/api/dev/token").then().statusCode(404);
    }

    @Test
    void theAppIsToldToOfferTheOrganisationSignIn() {
        given().get("/api/auth/methods").then().statusCode(200).body("oidc", equalTo(true)).body("dev", equalTo(false))
                .body("login", equalTo("/api/auth/login"));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
