package dev.copilotsuite.tools.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The agent's side of a call, as a browser has it: a socket to the gateway's {@code /ws} joined to one
 * call session (docs/protocol.md), and the forwarder's side: segments posted to the signed webhook
 * (shared/design/amazon-connect.md). Every message received is queued with the instant it arrived.
 */
final class CallSocket implements WebSocket.Listener, AutoCloseable {

    /** A message from the gateway and when it arrived (System.nanoTime()). */
    record Received(JsonNode message, long nanos) {
    }

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;

    private CallSocket(String gateway, String token, String sessionId) throws Exception {
        socket = HTTP.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                .buildAsync(URI.create(gateway.replaceFirst("^http", "ws") + "/ws"), this).get(10, TimeUnit.SECONDS);
        socket.sendText(JSON.writeValueAsString(Map.of("type", "join", "sessionId", sessionId, "kind", "call")), true)
                .get(5, TimeUnit.SECONDS);
        Received joined = next(Duration.ofSeconds(10));
        if (joined == null || !"joined".equals(joined.message().path("type").asText())) {
            throw new IllegalStateException("the gateway did not confirm the join: " + (joined == null ? "nothing" : joined.message()));
        }
    }

    static CallSocket join(String gateway, String token, String sessionId) throws Exception {
        return new CallSocket(gateway, token, sessionId);
    }

    Received next(Duration wait) throws InterruptedException {
        return received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                received.add(new Received(JSON.readTree(partial.toString()), System.nanoTime()));
            } catch (Exception e) {
                System.err.println("unreadable socket message: " + e.getMessage());
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(2, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }

    /** Posts one flat segment to the webhook, signed with the secret; fails on anything but 202. */
    static CompletableFuture<Void> post(String gateway, String secret, Map<String, Object> segment) {
        try {
            byte[] body = JSON.writeValueAsBytes(segment);
            long timestamp = Instant.now().getEpochSecond();
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            String signature = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
            HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/webhook/transcripts"))
                    .header("Content-Type", "application/json").header("X-Copilot-Timestamp", Long.toString(timestamp))
                    .header("X-Copilot-Signature", signature).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenAccept(response -> {
                if (response.statusCode() != 202) {
                    throw new IllegalStateException("the webhook answered " + response.statusCode() + ": " + response.body());
                }
            });
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * How many transcript segments copilot-service has stored for the call ({@code GET /api/calls/{id}/copilot}'s
     * {@code segments}); 0 while it has not seen the call. A call's events are handled in order, so once all are
     * stored only the last one's cards may still be on their way.
     */
    static int storedSegments(String gateway, String token, String callId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/calls/" + callId + "/copilot"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(5)).GET().build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return 0;
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the gateway answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).path("segments").asInt();
    }

    static List<String> words(String text) {
        return List.of(text.toLowerCase().replaceAll("[^a-z0-9]+", " ").trim().split(" +"));
    }

    /** An event's fields: docs/protocol.md puts them beside its type; older gateways wrapped them in payload. */
    static JsonNode fields(JsonNode message) {
        return message.has("payload") ? message.path("payload") : message;
    }
}
