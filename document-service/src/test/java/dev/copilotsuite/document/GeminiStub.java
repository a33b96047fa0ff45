package dev.copilotsuite.document;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gemini's generateContent endpoint on a loopback port, answering with Gemini's own JSON, so the real
 * quarkus-langchain4j client runs against it. A test sets what it answers ({@link #answer}), how long it
 * waits first ({@link #delayMillis}) and reads what it was sent ({@link #requests}).
 */
public class GeminiStub implements QuarkusTestResourceLifecycleManager {

    public static final String API_KEY = "test-gemini-key";

    /** A request as received: its path, its x-goog-api-key header and its body. */
    public record Received(String path, String apiKey, String body) {
    }

    public static volatile String answer = "";
    public static volatile int status = 200;
    public static volatile long delayMillis = 0;
    public static final List<Received> requests = new CopyOnWriteArrayList<>();

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/v1beta/models/", this::generate);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        return Map.of("quarkus.langchain4j.ai.gemini.api-key", API_KEY,
                "dev.copilotsuite.document.ai.NarrativeWriter/draft/Timeout/value", "1500",
                "dev.copilotsuite.document.ai.NarrativeWriter/draft/Timeout/unit", "MILLIS",
                "quarkus.langchain4j.ai.gemini.base-url", "http://127.0.0.1:" + server.getAddress().getPort() + "/v1beta",
                "quarkus.langchain4j.ai.gemini.chat-model.timeout", "1s",
                "quarkus.langchain4j.ai.gemini.timeout", "1s");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Answers the next calls with this text, at once and with 200. */
    public static void answerWith(String text) {
        answer = text;
        status = 200;
        delayMillis = 0;
        requests.clear();
    }

    private void generate(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Received(exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("x-goog-api-key"), body));
        try {
            Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] bytes;
        if (status == 200) {
            bytes = JSON.writeValueAsBytes(Map.of(
                    "candidates", List.of(Map.of("content", Map.of("role", "model", "parts", List.of(Map.of("text", answer))),
                            "finishReason", "STOP", "index", 0)),
                    "usageMetadata", Map.of("promptTokenCount", 120, "candidatesTokenCount", 80, "totalTokenCount", 200),
                    "modelVersion", "gemini-2.5-flash"));
        } else {
            bytes = ("{\"error\":{\"code\":" + status + ",\"message\":\"stub failure\",\"status\":\"INTERNAL\"}}")
                    .getBytes(StandardCharsets.UTF_8);
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException clientGone) {
            // the client timed out and closed the connection
        }
        exchange.close();
    }
}
