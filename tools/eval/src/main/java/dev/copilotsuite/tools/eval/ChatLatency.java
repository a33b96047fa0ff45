package dev.copilotsuite.tools.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code ./copilot bench chat [TURNS]}: the copilot's latency as a browser sees it, offline, with the suite
 * running: from a chat message sent on the socket to its first reply delta, and to its final reply (a
 * calculator change included). Turns cycle through a change, a question, a what-if and an undo, in fresh
 * sessions of a few turns each.
 */
public final class ChatLatency {

    private static final List<String> TURNS = List.of("Increase agent count to 45 and reduce rent by 10%",
            "Why is my peak utilization so high?", "What if bucket 2 went AI first?", "Undo that",
            "Reduce human salary by 15%", "What's my cost to collect now?");

    public static void main(String[] args) throws Exception {
        String gateway = args[0];
        String token = args[1];
        int turns = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        try (GatewaySocket socket = GatewaySocket.open(gateway, token)) {
            for (int i = 0; i < 12; i++) { // warm-up: JIT, connection pools, the catalog
                String session = "bench-warm-" + UUID.randomUUID();
                socket.join(session);
                socket.timedChat(session, UUID.randomUUID().toString(), TURNS.get(i % TURNS.size()));
            }
            List<Long> first = new ArrayList<>();
            List<Long> done = new ArrayList<>();
            java.util.Map<String, List<Long>> firstByTurn = new java.util.LinkedHashMap<>();
            String session = null;
            for (int i = 0; i < turns; i++) {
                if (i % TURNS.size() == 0) {
                    session = "bench-" + UUID.randomUUID();
                    socket.join(session);
                }
                GatewaySocket.Timing t = socket.timedChat(session, UUID.randomUUID().toString(),
                        TURNS.get(i % TURNS.size()));
                if (t.firstDeltaNanos() >= 0) {
                    first.add(t.firstDeltaNanos());
                    firstByTurn.computeIfAbsent(TURNS.get(i % TURNS.size()), k -> new ArrayList<>()).add(t.firstDeltaNanos());
                }
                done.add(t.finalNanos());
            }
            System.out.printf(Locale.ROOT, "turns %d (sequential, one socket)%n", turns);
            System.out.printf(Locale.ROOT, "first reply delta  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  (%d turns streamed)%n",
                    pct(first, 50), pct(first, 95), pct(first, 99), first.size());
            System.out.printf(Locale.ROOT, "complete reply     p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms%n",
                    pct(done, 50), pct(done, 95), pct(done, 99));
            // which kind of turn the tail comes from
            firstByTurn.forEach((text, nanos) -> System.out.printf(Locale.ROOT, "  first delta p50 %6.1f ms  p95 %6.1f ms  %s%n",
                    pct(nanos, 50), pct(nanos, 95), text));
        }
    }

    private static double pct(List<Long> nanos, int p) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
