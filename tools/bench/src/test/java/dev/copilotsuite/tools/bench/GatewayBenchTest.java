package dev.copilotsuite.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The webhook bench's account of its slow seconds: posts grouped by due second, unanswered ones left out. */
class GatewayBenchTest {

    private static final long MS = 1_000_000L;

    @Test
    void countsTheSecondsOverThirtyMillisecondsAndNamesTheWorstFirst() {
        int rate = 100;
        GatewayBench.WebhookRun run = new GatewayBench.WebhookRun("r", 3 * rate, 10);
        for (int i = 0; i < run.total; i++) {
            run.due[i] = i * (1_000 * MS / rate);
            run.status[i] = 202;
            run.ackNanos[i] = 5 * MS;
        }
        run.ackNanos[150] = 80 * MS; // second 1: one slow post, its p99 is 5 ms
        for (int i = 200; i < 300; i += 20) {
            run.ackNanos[i] = 45 * MS; // second 2: five slow posts, its p99 is 45 ms
        }
        run.status[250] = 0; // unanswered: not a latency at all
        run.ackNanos[250] = 900 * MS;

        String line = GatewayBench.slowestSeconds(run, 0, run.total, rate);

        assertTrue(line.startsWith("seconds with a p99 to the answer over 30 ms: 1 of 3;"), line);
        Matcher worst = Pattern.compile("slowest \\(.*?\\): [0-9:.]+ p99 (\\d+) max (\\d+) ms; [0-9:.]+ p99 (\\d+) max (\\d+) ms")
                .matcher(line);
        assertTrue(worst.find(), line);
        assertEquals("5", worst.group(1), "the second with the slowest post first, by its max");
        assertEquals("80", worst.group(2));
        assertEquals("45", worst.group(3));
        assertEquals("45", worst.group(4));
    }

    @Test
    void onlyTheMeasuredPartIsGrouped() {
        GatewayBench.WebhookRun run = new GatewayBench.WebhookRun("r", 30, 3);
        for (int i = 0; i < run.total; i++) {
            run.status[i] = 202;
            run.ackNanos[i] = i < 10 ? 500 * MS : MS;
        }
        assertTrue(GatewayBench.slowestSeconds(run, 10, 30, 10).startsWith("seconds with a p99 to the answer over 30 ms: 0 of 2;"));
    }
}
