package dev.copilotsuite.copilot.ai;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gemini's generateContent on a local port, so the real langchain4j Gemini client runs over HTTP. It reads
 * the DATA block the copilot sends and answers by the question's words: {@code dishwasher} a faithful
 * answer, {@code roof} one that also cites a clause it was not given, {@code contradict} the opposite of
 * YES, {@code uncited} a citation to nothing it was given, {@code fail} (or anything else) a 500.
 * {@code GET /count} tells how many generateContent calls arrived.
 */
public class FakeGemini implements QuarkusTestResourceLifecycleManager {

    private static final ObjectMapper JSON = new ObjectMapper();
    private HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/v1beta/models/", this::generate);
        server.createContext("/count", exchange -> respond(exchange, 200,
                String.valueOf(calls.get()).getBytes(StandardCharsets.UTF_8)));
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("quarkus.langchain4j.ai.gemini.base-url", base + "/v1beta", "fake-gemini.url", base,
                "quarkus.langchain4j.ai.gemini.timeout", "5s", "quarkus.langchain4j.ai.gemini.chat-model.timeout", "5s");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void generate(HttpExchange exchange) throws IOException {
        calls.incrementAndGet();
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        JsonNode data = null;
        for (JsonNode content : request.path("contents")) {
            for (JsonNode part : content.path("parts")) {
                String text = part.path("text").asText("");
                if (text.startsWith("DATA:")) {
                    data = JSON.readTree(text.substring("DATA:".length()));
                }
            }
        }
        if (data == null) {
            respond(exchange, 400, "{\"error\":{\"code\":400,\"message\":\"no DATA\"}}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String question = data.path("question").asText().toLowerCase();
        List<String> ids = new ArrayList<>();
        data.path("clauses").forEach(clause -> ids.add(clause.path("id").asText()));
        Map<String, Object> card;
        if (question.contains("dishwasher")) {
            card = Map.of("decision", "YES", "script", "Good news: your plan covers the dishwasher (from Gemini).",
                    "citations", ids);
        } else if (question.contains("roof")) {
            card = Map.of("decision", "NO", "script", "I'm sorry, the roof is not covered by your plan (from Gemini).",
                    "citations", List.of(ids.get(0), "plan-premier/Covered/Roof"));
        } else if (question.contains("contradict")) {
            card = Map.of("decision", "NO", "script", "That is not covered (from Gemini).", "citations", ids);
        } else if (question.contains("uncited")) {
            card = Map.of("decision", "YES", "script", "Covered (from Gemini).", "citations", List.of("made-up/Covered/Thing"));
        } else {
            respond(exchange, 500, "{\"error\":{\"code\":500,\"message\":\"fake failure\",\"status\":\"INTERNAL\"}}"
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        Map<String, Object> response = Map.of("candidates", List.of(Map.of("content", Map.of("role", "model", "parts",
                List.of(Map.of("text", JSON.writeValueAsString(card)))), "finishReason", "STOP", "index", 0)),
                "usageMetadata", Map.of("promptTokenCount", 1, "candidatesTokenCount", 1, "totalTokenCount", 2));
        respond(exchange, 200, JSON.writeValueAsBytes(response));
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
