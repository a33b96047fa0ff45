package dev.copilotsuite.document;

import java.time.Instant;
import java.util.Arrays;

import dev.copilotsuite.document.service.ExecutiveSummaryPdf;
import dev.copilotsuite.events.calculator.CalculatorState;

/**
 * Render time and size of the executive summary for the default state (./copilot bench document).
 * A program, not a test: timings belong in a rerunnable benchmark, never in an assertion.
 */
public final class RenderBenchmark {

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        ExecutiveSummaryPdf renderer = new ExecutiveSummaryPdf();
        CalculatorState defaults = Fixtures.defaults();
        Instant at = Instant.parse("2026-11-23T09:00:00Z");
        byte[] pdf = null;
        for (int i = 0; i < 20; i++) {
            pdf = renderer.render(defaults, "acme", "Zoë Müller – Łódź €", at);
        }
        long[] micros = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            pdf = renderer.render(defaults, "acme", "Zoë Müller – Łódź €", at);
            micros[i] = (System.nanoTime() - start) / 1_000;
        }
        Arrays.sort(micros);
        System.out.printf("executive summary, default state: %d runs after 20 warm-up%n", runs);
        System.out.printf("  render ms: p50 %.1f  p95 %.1f  max %.1f%n", micros[runs / 2] / 1e3,
                micros[(int) Math.ceil(runs * 0.95) - 1] / 1e3, micros[runs - 1] / 1e3);
        System.out.printf("  size: %d bytes%n", pdf.length);
    }

    private RenderBenchmark() {
    }
}
