package dev.copilotsuite.document;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.copilotsuite.testing.TestKeys;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * calculator-service's internal endpoints on a loopback port, answering what the real service answers:
 * calculator-fixtures.json is written by calculator-service's own model (src/test/fixtures/
 * GenerateCalculatorFixtures.java). Every session has versions 7 (the spec's defaults), 8 (bucket1 on
 * AI_AUGMENTED) and 9 (20 agents, peak over the threshold); without a version the state is {@link #VERSION}.
 * It serves the state, the drivers and the fixture's scenarios of each version (a refused one with the
 * calculator's 400), 404 for any other version and for every version of sessions named
 * {@link #UNKNOWN_PREFIX}*, 500 for sessions named {@link #FAILING_PREFIX}*, 501 for a
 * scenario it has no answer for, and 401 unless the call carries a service token signed with the test key.
 * It counts the calls per session at /stub/calls/{id}.
 */
public class CalculatorStub implements QuarkusTestResourceLifecycleManager {

    public static final long VERSION = 7;
    public static final String FAILING_PREFIX = "calculator-down-";
    /** Sessions the calculator has never stored a version of: every version above 0 is unknown. */
    public static final String UNKNOWN_PREFIX = "unknown-";

    private static final Pattern ENDPOINT = Pattern.compile("/internal/sessions/([^/]+)/(state|drivers|scenario)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private HttpServer server;
    private JsonNode fixture;
    private PublicKey verifier;

    @Override
    public Map<String, String> start() {
        try (InputStream in = CalculatorStub.class.getResourceAsStream("/calculator-fixtures.json")) {
            fixture = JSON.readTree(in);
            verifier = publicKey();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the calculator stub", e);
        }
        server.createContext("/internal/sessions/", this::serve);
        server.createContext("/stub/calls/", this::calls);
        server.start();
        return Map.of("quarkus.rest-client.calculator.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** The canonical text of an ops list, numbers compared as numbers. */
    static String canonical(JsonNode ops) {
        StringBuilder out = new StringBuilder();
        for (JsonNode op : ops) {
            JsonNode value = op.path("value");
            out.append(op.path("op").asText()).append('|').append(op.path("path").asText()).append('|')
                    .append(value.isNumber() ? Double.toString(value.asDouble()) : value.asText()).append(';');
        }
        return out.toString();
    }

    private void serve(HttpExchange exchange) throws IOException {
        Matcher path = ENDPOINT.matcher(exchange.getRequestURI().getPath());
        String endpoint = path.matches() ? path.group(2) : "";
        String method = "scenario".equals(endpoint) ? "POST" : "GET";
        if (!path.matches() || !method.equals(exchange.getRequestMethod())) {
            answer(exchange, 404, "{\"code\":\"NOT_FOUND\",\"message\":\"no such endpoint\"}");
            return;
        }
        if (!serviceToken(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, "");
            return;
        }
        String sessionId = path.group(1);
        calls.computeIfAbsent(sessionId, id -> new AtomicInteger()).incrementAndGet();
        if (sessionId.startsWith(FAILING_PREFIX)) {
            answer(exchange, 500, "{\"code\":\"INTERNAL\",\"message\":\"boom\"}");
            return;
        }
        String query = exchange.getRequestURI().getQuery();
        String version = query == null || !query.contains("version=") ? Long.toString(VERSION)
                : query.replaceFirst("^.*version=([^&]*).*$", "$1");
        if (!fixture.path("states").has(version) || sessionId.startsWith(UNKNOWN_PREFIX)) {
            answer(exchange, 404, "{\"code\":\"UNKNOWN_VERSION\",\"message\":\"Session " + sessionId
                    + " has no calculator version " + version + ".\"}");
            return;
        }
        switch (endpoint) {
            case "state" -> {
                ObjectNode state = fixture.path("states").path(version).deepCopy();
                state.put("sessionId", sessionId);
                answer(exchange, 200, JSON.writeValueAsString(state));
            }
            case "drivers" -> answer(exchange, 200, JSON.writeValueAsString(fixture.path("drivers").path(version)));
            default -> scenario(exchange, version);
        }
    }

    private void scenario(HttpExchange exchange, String version) throws IOException {
        String asked = canonical(JSON.readTree(exchange.getRequestBody()).path("ops"));
        for (JsonNode entry : fixture.path("scenarios")) {
            if (entry.path("version").asText().equals(version) && canonical(entry.path("ops")).equals(asked)) {
                if (entry.has("error")) {
                    answer(exchange, 400, JSON.writeValueAsString(entry.path("error")));
                } else {
                    answer(exchange, 200, JSON.writeValueAsString(entry.path("result")));
                }
                return;
            }
        }
        answer(exchange, 501, "{\"code\":\"NOT_IMPLEMENTED\",\"message\":\"the stub has no scenario " + asked
                + "\"}");
    }

    private void calls(HttpExchange exchange) throws IOException {
        String sessionId = exchange.getRequestURI().getPath().substring("/stub/calls/".length());
        answer(exchange, 200, Integer.toString(calls.getOrDefault(sessionId, new AtomicInteger()).get()));
    }

    /** A bearer JWT signed with the test key whose groups hold {@code service}. */
    private boolean serviceToken(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        String[] parts = authorization.substring("Bearer ".length()).split("\\.");
        if (parts.length != 3) {
            return false;
        }
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(verifier);
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rsa.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return false;
            }
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            for (JsonNode group : claims.path("groups")) {
                if ("service".equals(group.asText())) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    private static PublicKey publicKey() throws Exception {
        String pem = Files.readString(TestKeys.get().publicKey()).replaceAll("-----[A-Z ]+-----|\\s", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
