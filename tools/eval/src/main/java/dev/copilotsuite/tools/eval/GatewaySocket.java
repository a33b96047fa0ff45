package dev.copilotsuite.tools.eval;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A browser's socket to the gateway (docs/protocol.md), reduced to what an evaluation needs. */
final class GatewaySocket implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TURN_TIMEOUT = Duration.ofSeconds(60);

    private final WebSocket socket;
    private final BlockingQueue<JsonNode> inbox;

    private GatewaySocket(WebSocket socket, BlockingQueue<JsonNode> inbox) {
        this.socket = socket;
        this.inbox = inbox;
    }

    static GatewaySocket open(String gateway, String token) {
        URI uri = URI.create(gateway.replaceFirst("^http", "ws") + "/ws");
        BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + token)
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(uri, new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            try {
                                inbox.add(JSON.readTree(partial.toString()));
                            } catch (Exception e) {
                                System.err.println("unreadable message: " + partial);
                            }
                            partial.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }
                }).join();
        return new GatewaySocket(ws, inbox);
    }

    JsonNode next(long millis) throws InterruptedException {
        return inbox.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** Joins a chat session and returns the calculator's inputs from its snapshot. */
    JsonNode join(String sessionId) throws Exception {
        send(JSON.createObjectNode().put("type", "leave").put("sessionId", sessionId));
        send(JSON.createObjectNode().put("type", "join").put("sessionId", sessionId).put("kind", "chat"));
        return await(message -> {
            if ("calculator.state".equals(message.path("type").asText())) {
                return message.path("payload").path("inputs");
            }
            JsonNode event = message.path("event");
            if ("agui".equals(message.path("type").asText()) && "STATE_SNAPSHOT".equals(event.path("type").asText())) {
                return event.path("snapshot").path("inputs");
            }
            return null;
        }, "the calculator snapshot of " + sessionId);
    }

    /** Nanoseconds from sending a chat message to its first reply delta, and to its final reply. */
    record Timing(long firstDeltaNanos, long finalNanos) {
    }

    Timing timedChat(String sessionId, String messageId, String text) throws Exception {
        long start = System.nanoTime();
        long[] first = {-1};
        send(JSON.createObjectNode().put("type", "chat").put("sessionId", sessionId).put("messageId", messageId)
                .put("text", text));
        await(message -> {
            String type = message.path("type").asText();
            JsonNode event = message.path("event");
            boolean delta = "chat.reply.delta".equals(type)
                    && messageId.equals(message.path("payload").path("replyTo").asText())
                    || "agui".equals(type) && "TEXT_MESSAGE_CONTENT".equals(event.path("type").asText());
            if (delta && first[0] < 0) {
                first[0] = System.nanoTime() - start;
            }
            boolean done = "chat.replied".equals(type) && messageId.equals(message.path("payload").path("replyTo").asText())
                    || "agui".equals(type) && messageId.equals(event.path("runId").asText())
                            && event.path("type").asText().startsWith("RUN_") && !"RUN_STARTED".equals(event.path("type").asText());
            return done ? message : null;
        }, "the reply to " + messageId);
        return new Timing(first[0], System.nanoTime() - start);
    }

    /** Sends a chat message and returns the turn's result: reply, routes, ops, scenarioOps, error, document, artifacts. */
    JsonNode chat(String sessionId, String messageId, String text) throws Exception {
        send(JSON.createObjectNode().put("type", "chat").put("sessionId", sessionId).put("messageId", messageId)
                .put("text", text));
        return await(message -> {
            String type = message.path("type").asText();
            if ("chat.replied".equals(type) && messageId.equals(message.path("payload").path("replyTo").asText())) {
                ObjectNode result = ((ObjectNode) message.path("payload")).deepCopy();
                result.set("reply", result.path("text"));
                return result;
            }
            JsonNode event = message.path("event");
            if ("agui".equals(type) && messageId.equals(event.path("runId").asText())) {
                if ("RUN_FINISHED".equals(event.path("type").asText())) {
                    return event.path("result");
                }
                if ("RUN_ERROR".equals(event.path("type").asText())) {
                    return JSON.createObjectNode().put("error", true).put("reply", event.path("message").asText());
                }
            }
            if ("error".equals(type) && sessionId.equals(message.path("sessionId").asText())) {
                throw new IllegalStateException("the gateway refused the message: " + message);
            }
            return null;
        }, "the reply to " + messageId);
    }

    private JsonNode await(Function<JsonNode, JsonNode> match, String what) throws Exception {
        long deadline = System.currentTimeMillis() + TURN_TIMEOUT.toMillis();
        while (System.currentTimeMillis() < deadline) {
            JsonNode message = next(Math.max(1, deadline - System.currentTimeMillis()));
            if (message == null) {
                break;
            }
            JsonNode found = match.apply(message);
            if (found != null && !found.isMissingNode()) {
                return found;
            }
        }
        throw new IllegalStateException("no " + what + " within " + TURN_TIMEOUT.toSeconds() + " s");
    }

    private void send(JsonNode message) throws Exception {
        socket.sendText(JSON.writeValueAsString(message), true).get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null);
    }
}
