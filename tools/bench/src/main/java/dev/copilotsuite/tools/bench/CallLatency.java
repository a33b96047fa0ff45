package dev.copilotsuite.tools.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code ./copilot bench calls [CALLS] [ROUNDS] [PAUSE_MS]}: the live copilot's latency as the agent sees it,
 * from a caller's final segment posted to the signed webhook to the card for it arriving on the agent's
 * socket ({@code suggestion_update}), with CALLS calls (default 50) in progress at once. Each call asks ROUNDS
 * (default 6) questions about different items in turn, so every final segment brings a new card. Like a
 * caller, each call pauses between its card and its next question: PAUSE_MS on average (default 5000,
 * drawn uniformly from half to one and a half of it; the calls start spread over one pause), so the calls
 * are concurrent without speaking in lockstep. PAUSE_MS 0 is the saturation test: every call posts its
 * next question the moment its card arrives, so latency there is CALLS over the suite's card throughput.
 * Offline: nothing leaves the machine.
 */
public final class CallLatency {

    private static final List<String> QUESTIONS = List.of(
            "My dishwasher stopped draining, is that covered?",
            "Also the garbage disposal is jammed, does my plan cover that?",
            "And what about the water heater, it is leaking?",
            "Is the ceiling fan in the bedroom covered too?",
            "The refrigerator is not cooling either, is that included?",
            "What about the clothes dryer, it will not heat?",
            "Does the plan cover the garage door opener?",
            "And the sump pump, is that covered?");
    private static final Duration CARD_DEADLINE = Duration.ofSeconds(15);

    private CallLatency() {
    }

    public static void main(String[] args) throws Exception {
        String gateway = args[0];
        String token = args[1];
        String secret = args[2];
        int calls = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        int rounds = args.length > 4 ? Math.min(Integer.parseInt(args[4]), QUESTIONS.size()) : 6;
        long pause = args.length > 5 ? Long.parseLong(args[5]) : 5000;
        if (calls < 1 || rounds < 1 || pause < 0) {
            System.err.println("bench calls: CALLS and ROUNDS are at least 1, PAUSE_MS at least 0");
            System.exit(2);
        }
        // Warm-up: one call through every path, so class loading and connection set-up are not measured.
        run(gateway, token, secret, 1, 2, 0, new ArrayList<>(), new AtomicInteger());

        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger missing = new AtomicInteger();
        long started = System.nanoTime();
        run(gateway, token, secret, calls, rounds, pause, latencies, missing);
        double seconds = (System.nanoTime() - started) / 1e9;

        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "calls: %d concurrent, %d final segments each, %d ms average pause; %d cards in %.1f s"
                + " (%.1f cards/s)%n", calls, rounds, pause, sorted.size(), seconds, sorted.size() / seconds);
        if (sorted.isEmpty()) {
            System.out.println("no card arrived");
            System.exit(1);
        }
        System.out.printf(Locale.ROOT, "final segment posted -> card on the agent's socket: p50 %d ms, p95 %d ms, p99 %d ms, max %d ms%n",
                percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), sorted.get(sorted.size() - 1));
        if (missing.get() > 0) {
            System.out.printf("%d final segments got no card within %d s%n", missing.get(), CARD_DEADLINE.toSeconds());
            System.exit(1);
        }
    }

    private static void run(String gateway, String token, String secret, int calls, int rounds, long pause,
            List<Long> latencies, AtomicInteger missing) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls);
        CountDownLatch joined = new CountDownLatch(calls);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < calls; c++) {
            done.add(pool.submit(() -> {
                String sessionId = "bench-" + UUID.randomUUID();
                try (CallSocket socket = CallSocket.join(gateway, token, sessionId)) {
                    joined.countDown();
                    joined.await();
                    int cards = 0;
                    for (int r = 0; r < rounds; r++) {
                        if (pause > 0) {
                            // the first question comes somewhere in the first pause, the next ones after a caller's pause
                            Thread.sleep(r == 0 ? ThreadLocalRandom.current().nextLong(pause)
                                    : ThreadLocalRandom.current().nextLong(pause / 2, pause * 3 / 2 + 1));
                        }
                        Map<String, Object> body = new LinkedHashMap<>();
                        body.put("sessionId", sessionId);
                        body.put("plan", "PREMIER");
                        body.put("state", "CA");
                        body.put("contractType", "HOMEOWNER");
                        body.put("speaker", "CUSTOMER");
                        body.put("text", QUESTIONS.get(r));
                        body.put("segmentId", "q" + r);
                        long posted = System.nanoTime();
                        CallSocket.post(gateway, secret, body).get();
                        boolean carded = false;
                        long deadline = posted + CARD_DEADLINE.toNanos();
                        while (!carded && System.nanoTime() < deadline) {
                            CallSocket.Received received = socket.next(Duration.ofMillis(250));
                            if (received != null && "suggestion_update".equals(received.message().path("type").asText())
                                    && CallSocket.fields(received.message()).path("cards").size() > cards) {
                                cards = CallSocket.fields(received.message()).path("cards").size();
                                latencies.add((received.nanos() - posted) / 1_000_000);
                                carded = true;
                            }
                        }
                        if (!carded) {
                            missing.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
