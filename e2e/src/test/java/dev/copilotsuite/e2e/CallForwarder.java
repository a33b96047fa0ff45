package dev.copilotsuite.e2e;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What Amazon Connect's forwarder does for one call: it posts the call's segments to the signed webhook
 * in the order they were spoken, one at a time, and retries a segment until the gateway answers 2xx
 * before it posts the next (a segment said meanwhile waits in its queue). Every attempt is recorded
 * with its answer and when it was made.
 */
final class CallForwarder implements AutoCloseable {

    /** One post: its answer ({@code -1} when the gateway did not answer at all) and when it was made. */
    record Attempt(String segmentId, int status, String body, Instant started, Instant ended) {
        boolean accepted() {
            return status >= 200 && status < 300;
        }

        Duration took() {
            return Duration.between(started, ended);
        }
    }

    /** A segment as the test said it: its id, speaker and words. */
    record Segment(String segmentId, String speaker, String text, long beginOffsetMillis) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration BACKOFF = Duration.ofMillis(500);

    private final Suite suite;
    private final String sessionId;
    private final Map<String, String> context;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final LinkedBlockingDeque<Segment> waiting = new LinkedBlockingDeque<>();
    private final List<Segment> said = new CopyOnWriteArrayList<>();
    private final List<Segment> delivered = new CopyOnWriteArrayList<>();
    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private final Thread sender;
    private volatile boolean closed;

    CallForwarder(Suite suite, String sessionId, Map<String, String> context) {
        this.suite = suite;
        this.sessionId = sessionId;
        this.context = context;
        sender = new Thread(this::forward, "forwarder-" + sessionId);
        sender.setDaemon(true);
        sender.start();
    }

    /** The next segment of the call, posted after every one said before it was accepted. */
    Segment say(String speaker, String text) {
        int n = said.size();
        Segment segment = new Segment("seg-%03d".formatted(n), speaker, text, n * 4_000L);
        said.add(segment);
        waiting.add(segment);
        return segment;
    }

    List<Segment> said() {
        return List.copyOf(said);
    }

    List<Segment> delivered() {
        return List.copyOf(delivered);
    }

    List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    /** Waits until every segment said so far was accepted; false if that took longer than {@code timeout}. */
    boolean awaitDelivered(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (delivered.size() < said.size()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    private void forward() {
        while (!closed) {
            Segment next;
            try {
                next = waiting.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (next == null) {
                continue;
            }
            while (!closed) {
                Attempt attempt = post(next);
                attempts.add(attempt);
                if (attempt.accepted()) {
                    delivered.add(next);
                    break;
                }
                try {
                    Thread.sleep(BACKOFF.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private Attempt post(Segment segment) {
        Map<String, Object> body = new LinkedHashMap<>(context);
        body.put("sessionId", sessionId);
        body.put("segmentId", segment.segmentId());
        body.put("speaker", segment.speaker());
        body.put("text", segment.text());
        body.put("beginOffsetMillis", segment.beginOffsetMillis());
        body.put("endOffsetMillis", segment.beginOffsetMillis() + 3_500);
        Instant started = Instant.now();
        try {
            HttpResponse<String> response = http.send(signed(json(body)), HttpResponse.BodyHandlers.ofString());
            return new Attempt(segment.segmentId(), response.statusCode(), response.body(), started, Instant.now());
        } catch (IOException e) {
            return new Attempt(segment.segmentId(), -1, String.valueOf(e), started, Instant.now());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(segment.segmentId(), -1, "interrupted", started, Instant.now());
        }
    }

    /** Signed afresh for each attempt, as shared/design/amazon-connect.md's forwarder does. */
    private HttpRequest signed(String body) {
        long timestamp = Instant.now().getEpochSecond();
        return HttpRequest.newBuilder(suite.http("/webhook/transcripts")).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("X-Copilot-Timestamp", String.valueOf(timestamp))
                .header("X-Copilot-Signature", signature(suite.webhookSecret(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String json(Map<String, Object> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The webhook's signature header: HMAC-SHA256 of "timestamp.body" (shared/design/amazon-connect.md). */
    static String signature(String secret, long timestamp, String body) {
        return "sha256=" + hmac(secret, timestamp + "." + body);
    }

    private static String hmac(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The attempts, one a line, for a failure message. */
    String log() {
        List<String> lines = new ArrayList<>();
        for (Attempt a : attempts) {
            lines.add("%s %s %d (%d ms) %s".formatted(a.started(), a.segmentId(), a.status(), a.took().toMillis(),
                    a.accepted() ? "" : a.body()));
        }
        return String.join("\n", lines);
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        sender.interrupt();
        sender.join(TimeUnit.SECONDS.toMillis(35));
    }
}
