package dev.copilotsuite.document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import dev.copilotsuite.document.service.ExecutiveSummaryPdf;
import dev.copilotsuite.document.service.SummaryContent;

/**
 * Render time and size of the executive summary for the default state (./copilot bench document [RUNS] [OUT.pdf]):
 * version 7 of the fixture (the spec's defaults) with its drivers, the fixture's four scenarios (one refused)
 * and a requester named in three scripts, so every chart, the scenario table and the CJK fallback font are in.
 * A program, not a test: timings belong in a rerunnable benchmark, never in an assertion.
 */
public final class RenderBenchmark {

    public static void main(String[] args) throws IOException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        ExecutiveSummaryPdf renderer = new ExecutiveSummaryPdf();
        SummaryContent summary = Fixtures.summary(7, Fixtures.scenarios(7), "acme", "Zoë Müller – Łódź € 株式会社");
        byte[] pdf = null;
        for (int i = 0; i < 20; i++) {
            pdf = renderer.render(summary);
        }
        long[] micros = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            pdf = renderer.render(summary);
            micros[i] = (System.nanoTime() - start) / 1_000;
        }
        Arrays.sort(micros);
        System.out.printf("executive summary, default state: %d runs after 20 warm-up%n", runs);
        System.out.printf("  render ms: p50 %.1f  p95 %.1f  max %.1f%n", micros[runs / 2] / 1e3,
                micros[(int) Math.ceil(runs * 0.95) - 1] / 1e3, micros[runs - 1] / 1e3);
        System.out.printf("  size: %d bytes, %d pages%n", pdf.length, Fixtures.pages(pdf));
        if (args.length > 1) {
            Files.write(Path.of(args[1]), pdf);
            System.out.println("  written to " + args[1]);
        }
    }

    private RenderBenchmark() {
    }
}
