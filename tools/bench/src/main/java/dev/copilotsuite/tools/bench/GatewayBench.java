package dev.copilotsuite.tools.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The gateway's load benchmarks against a running suite.
 * <ul>
 * <li>{@code sockets <url> <token> <count> <gatewayPid>}: opens {@code count} authenticated sockets, each joined
 * to a call session, and reports the gateway's resident memory once all are joined.</li>
 * <li>{@code webhook <url> <token> <secret> <rate> <seconds> <calls>}: one agent socket per call; signed
 * segments posted at {@code rate}/s spread over the calls; reports the webhook's latency to the 2xx, the
 * latency from post to the agent's {@code transcript_update}, and every segment lost or seen twice.</li>
 * </ul>
 */
public final class GatewayBench {

    static final ObjectMapper MAPPER = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: sockets|webhook ...");
        }
        if (args[0].equals("sockets")) {
            sockets(URI.create(args[1]), args[2], Integer.parseInt(args[3]), Long.parseLong(args[4]));
        } else if (args[0].equals("webhook")) {
            webhook(URI.create(args[1]), args[2], args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]),
                    Integer.parseInt(args[6]));
        } else {
            throw new IllegalArgumentException("sockets or webhook");
        }
        System.exit(0);
    }

    static void sockets(URI base, String token, int count, long gatewayPid) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI ws = URI.create(base.toString().replace("http", "ws") + "/ws");
        AtomicInteger joined = new AtomicInteger();
        long rssBefore = rssKb(gatewayPid);
        List<WebSocket> open = new ArrayList<>();
        long start = System.nanoTime();
        int failed = 0;
        List<CompletableFuture<WebSocket>> pending = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String call = "bench-s-" + (i % 1000);
            pending.add(http.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                    .buildAsync(ws, new Counting(joined)).thenCompose(socket -> socket
                            .sendText("{\"type\":\"join\",\"kind\":\"call\",\"sessionId\":\"" + call + "\"}", true)));
            if (pending.size() == 200) { // opened in waves, as browsers reconnecting would
                failed += collect(pending, open);
            }
        }
        failed += collect(pending, open);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (joined.get() < open.size() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        Thread.sleep(3000); // let the gateway settle
        System.gc();
        long rss = rssKb(gatewayPid);
        System.out.printf("sockets: %d open, %d joined, %d failed in %.1f s; gateway RSS %d MiB (before %d MiB)%n",
                open.size(), joined.get(), failed, (System.nanoTime() - start) / 1e9, rss / 1024, rssBefore / 1024);
        for (WebSocket socket : open) {
            socket.abort();
        }
    }

    static int collect(List<CompletableFuture<WebSocket>> pending, List<WebSocket> open) {
        int failed = 0;
        for (CompletableFuture<WebSocket> f : pending) {
            try {
                open.add(f.get(60, TimeUnit.SECONDS));
            } catch (Exception e) {
                failed++;
            }
        }
        pending.clear();
        return failed;
    }

    static long rssKb(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    /** Counts joins; for the webhook run, also times each transcript line by its segment id. */
    static class Counting implements WebSocket.Listener {
        final AtomicInteger joined;
        final Map<String, Long> sentAt;
        final Map<String, Integer> seen;
        final List<Long> deliveryNanos;
        final StringBuilder partial = new StringBuilder();

        Counting(AtomicInteger joined) {
            this(joined, null, null, null);
        }

        Counting(AtomicInteger joined, Map<String, Long> sentAt, Map<String, Integer> seen, List<Long> deliveryNanos) {
            this.joined = joined;
            this.sentAt = sentAt;
            this.seen = seen;
            this.deliveryNanos = deliveryNanos;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                long now = System.nanoTime();
                if (text.contains("\"joined\"")) {
                    joined.incrementAndGet();
                } else if (sentAt != null && text.contains("\"transcript_update\"")) {
                    try {
                        JsonNode lines = MAPPER.readTree(text).path("lines");
                        if (lines.size() == 1) {
                            String id = lines.path(0).path("segmentId").asText();
                            Long sent = sentAt.get(id);
                            if (sent != null && seen.merge(id, 1, Integer::sum) == 1) {
                                synchronized (deliveryNanos) {
                                    deliveryNanos.add(now - sent);
                                }
                            }
                        }
                    } catch (Exception e) {
                        // not a line of this run
                    }
                }
            }
            socket.request(1);
            return null;
        }
    }

    static void webhook(URI base, String token, String secret, int rate, int seconds, int calls) throws Exception {
        // HTTP/1.1 as a forwarder posts; the JDK client would otherwise multiplex every post on one h2c connection.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
        URI ws = URI.create(base.toString().replace("http", "ws") + "/ws");
        String run = Long.toString(System.currentTimeMillis(), 36);
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Integer> seen = new ConcurrentHashMap<>();
        List<Long> delivery = new ArrayList<>();
        AtomicInteger joined = new AtomicInteger();
        List<WebSocket> sockets = new ArrayList<>();
        List<CompletableFuture<WebSocket>> pending = new ArrayList<>();
        for (int c = 0; c < calls; c++) {
            String call = "bench-" + run + "-" + c;
            pending.add(http.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                    .buildAsync(ws, new Counting(joined, sentAt, seen, delivery)).thenCompose(socket -> socket
                            .sendText("{\"type\":\"join\",\"kind\":\"call\",\"sessionId\":\"" + call + "\"}", true)));
        }
        collect(pending, sockets);
        while (joined.get() < sockets.size()) {
            Thread.sleep(100);
        }
        Thread.sleep(2000); // the joins' snapshots are answered before the run starts

        URI hook = URI.create(base + "/webhook/transcripts");
        int total = rate * seconds;
        long[] ackNanos = new long[total];
        AtomicInteger failures = new AtomicInteger();
        AtomicLong inFlight = new AtomicLong();
        List<CompletableFuture<?>> posts = new ArrayList<>(total);
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + (long) i * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int index = i;
            String call = "bench-" + run + "-" + (i % calls);
            String segment = run + "-" + i;
            String body = "{\"sessionId\":\"" + call + "\",\"segmentId\":\"" + segment
                    + "\",\"speaker\":\"CUSTOMER\",\"text\":\"line " + i + " of the benchmark\"}";
            long timestamp = System.currentTimeMillis() / 1000;
            HttpRequest request = HttpRequest.newBuilder(hook).header("Content-Type", "application/json")
                    .header("X-Copilot-Timestamp", Long.toString(timestamp))
                    .header("X-Copilot-Signature", "sha256=" + hmac(secret, timestamp + "." + body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            long sent = System.nanoTime();
            sentAt.put(segment, sent);
            inFlight.incrementAndGet();
            posts.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                inFlight.decrementAndGet();
                ackNanos[index] = System.nanoTime() - sent;
                if (error != null || response.statusCode() / 100 != 2) {
                    failures.incrementAndGet();
                }
            }));
        }
        double postSeconds = (System.nanoTime() - start) / 1e9;
        CompletableFuture.allOf(posts.toArray(CompletableFuture[]::new)).exceptionally(e -> null).get(120, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (seen.size() < total && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        long duplicates = seen.values().stream().filter(n -> n > 1).count();
        long[] acks = Arrays.stream(ackNanos).sorted().toArray();
        long[] deliveries;
        synchronized (delivery) {
            deliveries = delivery.stream().mapToLong(Long::longValue).sorted().toArray();
        }
        System.out.printf("webhook: %d segments over %d calls in %.1f s (%.0f/s offered), %d refused or failed%n", total,
                calls, postSeconds, total / postSeconds, failures.get());
        System.out.printf("  to 2xx: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", pct(acks, 50), pct(acks, 99), pct(acks, 100));
        System.out.printf("  to the agent's socket: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", pct(deliveries, 50),
                pct(deliveries, 99), pct(deliveries, 100));
        System.out.printf("  delivered %d of %d, lost %d, duplicated %d%n", seen.size(), total, total - seen.size(), duplicates);
        for (WebSocket socket : sockets) {
            socket.abort();
        }
    }

    static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    static String hmac(String secret, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }

    private GatewayBench() {
    }
}
