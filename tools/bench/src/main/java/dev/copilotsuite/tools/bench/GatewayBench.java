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
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.copilotsuite.events.EventEnvelope;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import dev.copilotsuite.events.Topics;
import dev.copilotsuite.events.call.TranscriptLine;
import dev.copilotsuite.events.call.CallContext;
import dev.copilotsuite.events.call.TranscriptSegmentReceived;

/**
 * The gateway's load benchmarks against a running suite.
 * <ul>
 * <li>{@code sockets <url> <token> <count> <gatewayPid>}: opens {@code count} authenticated sockets, each joined
 * to a call session, and reports the gateway's resident memory once all are joined.</li>
 * <li>{@code webhook <url> <token> <secret> [rate [seconds [calls [connections [warmRate warmSeconds]]]]]
 * [name=pid ...]} (2000/s, 30 s, 1,000 calls, 64 connections, no warm-up unless given): one agent socket joined to
 * each call;
 * signed flat segments posted open loop at {@code rate}/s (each on its schedule, whatever the answers before
 * it), round robin over the calls, over HTTP/1.1 as a forwarder posts. Reports the answers by status, the
 * latency from each post's due time to its answer and to its {@code transcript_update} on the call's socket
 * (p50/p95/p99/max), and per call every accepted segment lost, seen twice or out of order. Bounded: it waits at
 * most 60 s for the answers and 30 s more for the deliveries. With a warm-up, the same sockets and calls first take
 * {@code warmRate}/s for {@code warmSeconds}, reported apart; once all of it is answered and delivered (at most
 * 120 s), the measured segments follow on their schedule: the bench's own JIT and the suite's are warm, and the
 * pipeline empty, before the measured part, in one JVM. For each named process, and for
 * the bench, the CPU spent from the first measured post to the last delivery, per segment.</li>
 * <li>{@code fanout <url> <token> <kafka> <rate> <seconds> <calls>}: the same run with the webhook left out: each
 * segment is written to the session log {@code copilot.gateway.sessions} as the webhook would (acks=all), and
 * "answered" is Kafka's ack. It measures the gateway's fan-out without HTTP, the signature and the replay check.</li>
 * </ul>
 */
public final class GatewayBench {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static String mode = "webhook";

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: sockets|webhook ...");
        }
        if (args[0].equals("sockets")) {
            sockets(URI.create(args[1]), args[2], Integer.parseInt(args[3]), Long.parseLong(args[4]));
        } else if (args[0].equals("webhook")) {
            // the figures in order ([rate [seconds [calls [connections [warm-rate warm-seconds]]]]]), then name=pid
            List<String> named = List.of(args).subList(4, args.length).stream().filter(arg -> arg.contains("=")).toList();
            int[] n = List.of(args).subList(4, args.length).stream().filter(arg -> !arg.contains("="))
                    .mapToInt(Integer::parseInt).toArray();
            webhook(URI.create(args[1]), args[2], args[3], n.length > 0 ? n[0] : 2000, n.length > 1 ? n[1] : 30,
                    n.length > 2 ? n[2] : 1000, n.length > 3 ? n[3] : 64, n.length > 5 ? n[4] : 0, n.length > 5 ? n[5] : 0,
                    named);
        } else if (args[0].equals("fanout")) {
            mode = "fanout";
            try (KafkaProducer<String, String> producer = fanoutProducer(args[3])) {
                run(URI.create(args[1]), args[2], null, producer, Integer.parseInt(args[4]), Integer.parseInt(args[5]),
                        Integer.parseInt(args[6]), 0, 0, 0, List.of());
            }
        } else {
            throw new IllegalArgumentException("sockets, webhook or fanout");
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

    /** Counts joins (the sockets run). */
    static class Counting implements WebSocket.Listener {
        final AtomicInteger joined;
        final StringBuilder partial = new StringBuilder();

        Counting(AtomicInteger joined) {
            this.joined = joined;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                if (partial.indexOf("\"joined\"") >= 0) {
                    joined.incrementAndGet();
                }
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }
    }

    /**
     * One run of {@code webhook}: segment {@code i} goes to call {@code i % calls} and is due at
     * {@code start + i / rate}. Every latency is measured from that due instant, not from when the sender got
     * round to it, so a sender or server that falls behind shows in the figures (open loop: no coordinated
     * omission).
     */
    static final class WebhookRun {
        final String run;
        final int total;
        final int calls;
        final long[] due;
        final long[] ackNanos;
        final int[] status;
        final long[] deliveredNanos;
        final AtomicIntegerArray deliveries;
        final AtomicIntegerArray lastIndex;
        final AtomicInteger outOfOrder = new AtomicInteger();
        final AtomicInteger foreign = new AtomicInteger();
        final AtomicInteger resyncs = new AtomicInteger();
        final AtomicInteger errors = new AtomicInteger();
        /** Socket errors by code, so a run tells a snapshot that timed out from a protocol error. */
        final ConcurrentHashMap<String, AtomicInteger> errorCodes = new ConcurrentHashMap<>();
        final AtomicInteger joined = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();
        final AtomicInteger answered = new AtomicInteger();
        /** Wall-clock nanos minus {@code System.nanoTime()}: a slow second is named by its time, to match with a GC log. */
        final long wallMinusNano = System.currentTimeMillis() * 1_000_000L - System.nanoTime();
        final java.util.concurrent.atomic.AtomicReference<String> failure = new java.util.concurrent.atomic.AtomicReference<>();

        WebhookRun(String run, int total, int calls) {
            this.run = run;
            this.total = total;
            this.calls = calls;
            this.due = new long[total];
            this.ackNanos = new long[total];
            this.status = new int[total];
            this.deliveredNanos = new long[total];
            this.deliveries = new AtomicIntegerArray(total);
            this.lastIndex = new AtomicIntegerArray(calls);
            for (int c = 0; c < calls; c++) {
                lastIndex.set(c, -1);
            }
        }

        String call(int c) {
            return "bench-" + run + "-" + c;
        }

        String segment(int i) {
            return run + "-" + i;
        }

        /** A transcript line arrived on call {@code c}'s socket. */
        void arrived(int c, String segmentId, long now) {
            int dash = segmentId.lastIndexOf('-');
            if (dash < 0 || !segmentId.substring(0, dash).equals(run)) {
                foreign.incrementAndGet();
                return;
            }
            int i;
            try {
                i = Integer.parseInt(segmentId.substring(dash + 1));
            } catch (NumberFormatException e) {
                foreign.incrementAndGet();
                return;
            }
            if (i < 0 || i >= total || i % calls != c) {
                foreign.incrementAndGet(); // another call's line on this socket would be a leak
                return;
            }
            if (deliveries.incrementAndGet(i) == 1) {
                deliveredNanos[i] = now - due[i];
            }
            // One socket's messages arrive on one thread at a time, so this read-then-write does not race.
            if (i < lastIndex.get(c)) {
                outOfOrder.incrementAndGet();
            }
            lastIndex.set(c, Math.max(lastIndex.get(c), i));
        }
    }

    /** An agent's socket joined to one call: times each transcript line of the run. */
    static void onAgentMessage(WebhookRun run, int call, String text) {
        long now = System.nanoTime();
        try {
            JsonNode message = MAPPER.readTree(text);
            String type = message.path("type").asText();
            if (type.equals("joined")) {
                run.joined.incrementAndGet();
            } else if (type.equals("transcript_update")) {
                for (JsonNode line : message.path("lines")) {
                    run.arrived(call, line.path("segmentId").asText(), now);
                }
            } else if (type.equals("resync")) {
                run.resyncs.incrementAndGet();
            } else if (type.equals("error")) {
                run.errors.incrementAndGet();
                run.errorCodes.computeIfAbsent(message.path("code").asText("?"), code -> new AtomicInteger()).incrementAndGet();
            }
        } catch (Exception e) {
            run.errors.incrementAndGet();
        }
    }

    /** The forwarder's signing key, one per thread: a Mac is not thread-safe, and making one per post costs. */
    static final ThreadLocal<Mac> SIGNER = new ThreadLocal<>();

    /**
     * A post the client has sent but not completed this long after is given up ("no answer 30 s after sending"): the
     * gateway bounds every step of a post to 5 s, and Vert.x's client has been seen to lose an answer the gateway
     * sent (its metrics counted it) without its idle timeout ever firing, which held a run's drain to its bound.
     */
    static final long ANSWER_GIVE_UP_MS = 30_000;

    /**
     * One signed flat segment, posted without waiting: the pool sends it on a free connection, or queues it
     * until one is; its answer and latency (from its due time) are recorded in the run when it comes.
     */
    static void post(Vertx vertx, io.vertx.core.http.HttpClient http, RequestOptions hook, String secret, WebhookRun run,
            int i, AtomicInteger open) {
        String body = "{\"sessionId\":\"" + run.call(i % run.calls) + "\",\"segmentId\":\"" + run.segment(i)
                + "\",\"speaker\":\"CUSTOMER\",\"text\":\"line " + i + " of the benchmark\"}";
        long timestamp = System.currentTimeMillis() / 1000;
        String signature;
        try {
            signature = "sha256=" + hmac(secret, timestamp + "." + body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        long[] giveUp = {-1};
        http.request(hook)
                .compose(request -> {
                    giveUp[0] = vertx.setTimer(ANSWER_GIVE_UP_MS, id -> {
                        if (done.compareAndSet(false, true)) {
                            run.status[i] = -2;
                            run.ackNanos[i] = System.nanoTime() - run.due[i];
                            open.decrementAndGet();
                            run.answered.incrementAndGet();
                        }
                    });
                    return request.putHeader("Content-Type", "application/json")
                            .putHeader("X-Copilot-Timestamp", Long.toString(timestamp))
                            .putHeader("X-Copilot-Signature", signature)
                            .send(body);
                })
                .compose(response -> response.body().map(ignored -> response.statusCode()))
                .onComplete(answer -> {
                    if (!done.compareAndSet(false, true)) {
                        return; // given up on already
                    }
                    if (giveUp[0] >= 0) {
                        vertx.cancelTimer(giveUp[0]);
                    }
                    if (answer.succeeded()) {
                        run.status[i] = answer.result();
                    } else {
                        run.status[i] = -1;
                        run.failure.compareAndSet(null, answer.cause().toString());
                    }
                    run.ackNanos[i] = System.nanoTime() - run.due[i];
                    open.decrementAndGet();
                    run.answered.incrementAndGet();
                });
    }

    /**
     * The gateway's fan-out alone: each segment is written straight to the session log, as the webhook does once
     * it accepted it, and timed to the agent's socket. Set against {@code webhook}, it
     * tells the fan-out's cost from the webhook's.
     */
    static KafkaProducer<String, String> fanoutProducer(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        return new KafkaProducer<>(props);
    }

    static void publishUpdate(KafkaProducer<String, String> producer, String tenant, WebhookRun run, int i) {
        String call = run.call(i % run.calls);
        String segment = run.segment(i);
        EventEnvelope<TranscriptSegmentReceived> event = EventEnvelope.of(tenant, "call:" + tenant + ":" + call, null,
                new TranscriptSegmentReceived(new TranscriptLine(segment, segment, "CUSTOMER", "line " + i + " of the benchmark",
                        false, null, null, null, List.of()), CallContext.EMPTY));
        String json;
        try {
            json = EVENTS.writeValueAsString(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        producer.send(new ProducerRecord<>(Topics.GATEWAY_SESSIONS, event.sessionId(), json), (metadata, error) -> {
            run.status[i] = error == null ? 202 : -1;
            if (error != null) {
                run.failure.compareAndSet(null, error.toString());
            }
            run.ackNanos[i] = System.nanoTime() - run.due[i];
            run.answered.incrementAndGet();
        });
    }

    /**
     * A post the bench never heard back from: the gateway's own count of its webhook answers (its HTTP server
     * metrics), to tell an answer the server never gave from one the bench's client lost.
     */
    static void serverAnswers(URI base) {
        try {
            java.net.http.HttpResponse<String> metrics = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(base.resolve("/q/metrics")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            List<String> counts = metrics.body().lines()
                    .filter(line -> line.startsWith("http_server_requests_seconds_count") && line.contains("/webhook/transcripts"))
                    .toList();
            System.out.printf("  the gateway's own count of webhook answers since it started (HTTP %d): %s%n",
                    metrics.statusCode(), counts.isEmpty() ? "none found" : String.join("; ", counts));
        } catch (Exception e) {
            System.out.printf("  the gateway's metrics could not be read: %s%n", e);
        }
    }

    static final ObjectMapper EVENTS = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    static void webhook(URI base, String token, String secret, int rate, int seconds, int calls, int connections,
            int warmRate, int warmSeconds, List<String> processes) throws Exception {
        run(base, token, secret, null, rate, seconds, calls, connections, warmRate, warmSeconds, processes);
    }

    /**
     * {@code secret} signs webhook posts; with a {@code producer} the updates go straight to Kafka instead. The
     * posts and the agents' sockets share one Vert.x event loop: the load generator runs on the suite's cores,
     * and the JDK's client (a thread per lane, its own selector and executor hops) cost about half a core at
     * 300 posts/s.
     */
    static void run(URI base, String token, String secret, KafkaProducer<String, String> producer, int rate, int seconds,
            int calls, int connections, int warmRate, int warmSeconds, List<String> processes) throws Exception {
        int warm = warmRate * warmSeconds;
        List<String> measured = new ArrayList<>(processes);
        measured.add("bench=" + ProcessHandle.current().pid());
        List<ProcessCpu> cpus = new ArrayList<>();
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        // HTTP/1.1 keep-alive connections, as a forwarder posts: at most `connections`, a post waiting for a free one.
        io.vertx.core.http.HttpClient http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setConnectTimeout(5000),
                new PoolOptions().setHttp1MaxSize(Math.max(1, connections)).setMaxWaitQueueSize(-1));
        WebSocketClient wsClient = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(calls + 10)
                .setConnectTimeout(10_000));
        URI ws = URI.create(base.toString().replace("http", "ws") + "/ws");
        WebhookRun run = new WebhookRun(Long.toString(System.currentTimeMillis(), 36), warm + rate * seconds, calls);
        List<io.vertx.core.http.WebSocket> sockets = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicInteger failedSockets = new AtomicInteger();
        for (int c = 0; c < calls; c += 200) {
            List<io.vertx.core.Future<io.vertx.core.http.WebSocket>> batch = new ArrayList<>();
            for (int k = c; k < Math.min(calls, c + 200); k++) {
                int call = k;
                WebSocketConnectOptions options = new WebSocketConnectOptions().setAbsoluteURI(ws.toString())
                        .addHeader("Authorization", "Bearer " + token);
                batch.add(wsClient.connect(options).onSuccess(socket -> {
                    socket.textMessageHandler(text -> onAgentMessage(run, call, text));
                    socket.closeHandler(ignored -> run.closed.incrementAndGet());
                    sockets.add(socket);
                    socket.writeTextMessage("{\"type\":\"join\",\"kind\":\"call\",\"sessionId\":\"" + run.call(call) + "\"}");
                }).onFailure(e -> failedSockets.incrementAndGet()));
            }
            io.vertx.core.Future.join(new ArrayList<>(batch)).toCompletionStage().toCompletableFuture()
                    .handle((ok, e) -> null).get(60, TimeUnit.SECONDS);
        }
        long joinDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (run.joined.get() < sockets.size() && System.nanoTime() < joinDeadline) {
            Thread.sleep(100);
        }
        System.out.printf(mode + ": %d agent sockets open, %d joined, %d failed to open%n", sockets.size(), run.joined.get(),
                failedSockets.get());
        Thread.sleep(2000); // the joins' snapshots are answered before the run starts

        // Open loop: each segment is posted at its due time whatever the answers before it, and waits in the pool's
        // queue while every connection is busy; that wait counts in its latency (measured from its due time).
        RequestOptions hook = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(base + "/webhook/transcripts")
                .setIdleTimeout(30_000);
        long warmStart = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10);
        long start = warmStart + TimeUnit.SECONDS.toNanos(warmSeconds);
        long drained = 0;
        AtomicInteger open = new AtomicInteger();
        int maxOpen = 0;
        long maxLate = 0;
        int warmMaxOpen = 0;
        long warmMaxLate = 0;
        for (int i = 0; i < run.total; i++) {
            if (i == warm && warm > 0) {
                // The measured part starts from an empty pipeline: a backlog the warm-up left would be measured too.
                long drainStart = System.nanoTime();
                long drainDeadline = drainStart + TimeUnit.SECONDS.toNanos(120);
                while ((run.answered.get() < warm || delivered(run, 0, warm) < accepted(run, 0, warm))
                        && System.nanoTime() < drainDeadline) {
                    Thread.sleep(100);
                }
                drained = System.nanoTime() - drainStart;
                start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10);
            }
            if (i == warm) {
                for (String process : measured) {
                    cpus.add(ProcessCpu.of(process));
                }
                warmMaxOpen = maxOpen;
                warmMaxLate = maxLate;
                maxOpen = 0;
                maxLate = 0;
            }
            long at = i < warm ? warmStart + (long) i * 1_000_000_000L / warmRate
                    : start + (long) (i - warm) * 1_000_000_000L / rate;
            run.due[i] = at;
            long wait = at - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else {
                maxLate = Math.max(maxLate, -wait);
            }
            if (producer != null) {
                publishUpdate(producer, "demo", run, i);
                continue;
            }
            maxOpen = Math.max(maxOpen, open.incrementAndGet());
            post(vertx, http, hook, secret, run, i, open);
        }
        double postSeconds = (System.nanoTime() - start) / 1e9;
        long giveUp = start + TimeUnit.SECONDS.toNanos(seconds + 60L); // bounded: what is still unanswered then is not counted
        long answerDeadline = giveUp + TimeUnit.SECONDS.toNanos(31);
        while (run.answered.get() < run.total && System.nanoTime() < answerDeadline) {
            Thread.sleep(50);
        }
        int accepted = accepted(run, 0, run.total);
        long deliveryDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (delivered(run) < accepted && System.nanoTime() < deliveryDeadline) {
            Thread.sleep(100);
        }
        Thread.sleep(1000); // a duplicate would arrive just after its first copy
        if (producer == null) {
            System.out.printf("webhook: posted over %d connections; at most %d segments waited for a connection%n",
                    connections, Math.max(0, maxOpen - connections));
        }
        if (warm > 0) {
            System.out.printf("warm-up (then %.1f s until all of it was answered and delivered):%n", drained / 1e9);
            report(run, 0, warm, warmRate, warmSeconds, warmSeconds, warmMaxLate, Math.min(warmMaxOpen, connections));
            System.out.println("measured:");
        }
        report(run, warm, run.total, rate, seconds, postSeconds, maxLate, Math.min(maxOpen, connections));
        for (ProcessCpu cpu : cpus) {
            cpu.report(run.total - warm, "segment");
        }
        if (producer == null && java.util.Arrays.stream(run.status).anyMatch(status -> status == 0 || status == -2)) {
            serverAnswers(base);
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    static int delivered(WebhookRun run) {
        return delivered(run, 0, run.total);
    }

    static int delivered(WebhookRun run, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (run.deliveries.get(i) > 0) {
                n++;
            }
        }
        return n;
    }

    static int accepted(WebhookRun run, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (run.status[i] / 100 == 2) {
                n++;
            }
        }
        return n;
    }

    /** The figures of segments {@code from} (inclusive) to {@code to}; the socket counters are the whole run's. */
    static void report(WebhookRun run, int from, int to, int rate, int seconds, double postSeconds, long maxLate,
            int maxInFlight) {
        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<Long> acks = new ArrayList<>();
        List<Long> deliveries = new ArrayList<>();
        int accepted = 0;
        int lost = 0;
        int duplicated = 0;
        int deliveredUnaccepted = 0;
        Map<Integer, Integer> lostPerCall = new TreeMap<>();
        Map<Integer, Integer> duplicatedPerCall = new TreeMap<>();
        for (int i = from; i < to; i++) {
            int status = run.status[i];
            byStatus.merge(status, 1, Integer::sum);
            if (status != 0) {
                acks.add(run.ackNanos[i]);
            }
            int seen = run.deliveries.get(i);
            if (status / 100 == 2) {
                accepted++;
                if (seen == 0) {
                    lost++;
                    lostPerCall.merge(i % run.calls, 1, Integer::sum);
                }
            } else if (seen > 0) {
                deliveredUnaccepted++; // refused, yet published: a half-applied request
            }
            if (seen > 1) {
                duplicated++;
                duplicatedPerCall.merge(i % run.calls, 1, Integer::sum);
            }
            if (seen > 0) {
                deliveries.add(run.deliveredNanos[i]);
            }
        }
        long[] a = acks.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] d = deliveries.stream().mapToLong(Long::longValue).sorted().toArray();
        StringBuilder statuses = new StringBuilder();
        byStatus.forEach((status, n) -> statuses.append(statuses.isEmpty() ? "" : ", ")
                .append(status == 0 ? "no answer" : status == -1 ? "failed"
                        : status == -2 ? "no answer " + ANSWER_GIVE_UP_MS / 1000 + " s after sending" : status).append(": ").append(n));
        System.out.printf(mode + ": %d segments over %d calls offered at %d/s for %d s: sent in %.1f s (%.0f/s), "
                + "sender at most %.1f ms late, at most %d posts open%n", to - from, run.calls, rate, seconds, postSeconds,
                (to - from) / postSeconds, maxLate / 1e6, maxInFlight);
        System.out.printf("  answers: %s%n", statuses);
        System.out.printf("  to the answer (from the due time): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                pct(a, 50), pct(a, 95), pct(a, 99), pct(a, 100));
        System.out.printf("  to transcript_update on the agent's socket: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                pct(d, 50), pct(d, 95), pct(d, 99), pct(d, 100));
        System.out.printf("  accepted %d, delivered %d: lost %d (in %d calls), duplicated %d (in %d calls), out of order %d, "
                + "delivered though refused %d, on the wrong call %d; resync %d, error %d, sockets closed %d%n", accepted,
                d.length, lost, lostPerCall.size(), duplicated, duplicatedPerCall.size(), run.outOfOrder.get(),
                deliveredUnaccepted, run.foreign.get(), run.resyncs.get(), run.errors.get(), run.closed.get());
        System.out.printf("  %s%n", slowestSeconds(run, from, to, rate));
        if (!run.errorCodes.isEmpty()) {
            System.out.printf("  socket errors by code: %s%n", new TreeMap<>(run.errorCodes));
        }
        if (!lostPerCall.isEmpty()) {
            System.out.printf("  lost per call (first 10): %s%n", first(lostPerCall, 10));
        }
        if (run.failure.get() != null) {
            System.out.printf("  first failed post: %s%n", run.failure.get());
        }
        List<String> unanswered = new ArrayList<>();
        for (int i = from; i < to && unanswered.size() < 10; i++) {
            if (run.status[i] == 0 || run.status[i] == -2) {
                unanswered.add(run.segment(i) + " (call " + i % run.calls + ", " + run.deliveries.get(i) + " delivered)");
            }
        }
        if (!unanswered.isEmpty()) {
            System.out.printf("  unanswered (first 10): %s%n", String.join(", ", unanswered));
        }
        if (!duplicatedPerCall.isEmpty()) {
            System.out.printf("  duplicated per call (first 10): %s%n", first(duplicatedPerCall, 10));
        }
    }

    /**
     * Whether a tail is spread over the run (the suite short of CPU) or held in a few seconds (a pause somewhere):
     * how many seconds of posts had a p99 to the answer over 30 ms, and the worst five by their due time (UTC).
     */
    static String slowestSeconds(WebhookRun run, int from, int to, int rate) {
        int seconds = (to - from + rate - 1) / rate;
        long[][] bySecond = new long[seconds][];
        for (int s = 0; s < seconds; s++) {
            int first = from + s * rate;
            bySecond[s] = IntStream.range(first, Math.min(to, first + rate)).filter(i -> run.status[i] != 0)
                    .mapToLong(i -> run.ackNanos[i]).sorted().toArray();
        }
        long over = Arrays.stream(bySecond).filter(a -> a.length > 0 && pct(a, 99) > 30).count();
        String worst = IntStream.range(0, seconds).filter(s -> bySecond[s].length > 0).boxed()
                .sorted((x, y) -> Double.compare(pct(bySecond[y], 100), pct(bySecond[x], 100))).limit(5)
                .map(s -> String.format(Locale.ROOT, "%s p99 %.0f max %.0f ms",
                        LocalTime.ofNanoOfDay((run.wallMinusNano + run.due[from + s * rate]) % 86_400_000_000_000L)
                                .truncatedTo(ChronoUnit.MILLIS),
                        pct(bySecond[s], 99), pct(bySecond[s], 100)))
                .reduce((x, y) -> x + "; " + y).orElse("none");
        return String.format(Locale.ROOT, "seconds with a p99 to the answer over 30 ms: %d of %d; slowest (UTC due "
                + "time of the second's first post): %s", over, seconds, worst);
    }

    static String first(Map<Integer, Integer> perCall, int n) {
        return perCall.entrySet().stream().limit(n).map(e -> "call " + e.getKey() + ": " + e.getValue())
                .reduce((x, y) -> x + ", " + y).orElse("");
    }

    static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    static String hmac(String secret, String data) throws Exception {
        Mac mac = SIGNER.get();
        if (mac == null) {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            SIGNER.set(mac);
        }
        return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }

    private GatewayBench() {
    }
}
