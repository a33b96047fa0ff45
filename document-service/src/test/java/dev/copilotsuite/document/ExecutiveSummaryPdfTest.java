package dev.copilotsuite.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import dev.copilotsuite.document.service.ExecutiveSummaryPdf;
import dev.copilotsuite.document.service.Narrative;
import dev.copilotsuite.document.service.SummaryContent;
import dev.copilotsuite.events.calculator.BucketOutputs;
import dev.copilotsuite.events.calculator.BucketSet;
import dev.copilotsuite.events.calculator.CalculatorState;
import dev.copilotsuite.events.calculator.DriversView;
import dev.copilotsuite.events.calculator.OutputDiff;
import dev.copilotsuite.events.calculator.RoiOutputs;
import dev.copilotsuite.events.calculator.ScenarioResult;
import dev.copilotsuite.events.document.DocumentScenario;
import dev.copilotsuite.events.format.Figures;

/**
 * The summary against the calculator's own answers (calculator-fixtures.json, written by its model): every
 * expected figure below is computed from the state, drivers and scenario results with the suite's Figures,
 * never typed in.
 */
class ExecutiveSummaryPdfTest {

    private static final String UNICODE_NAME = "Zoë Müller – Łódź €";
    private static final String CJK_COMPANY = "株式会社ひかり銀行";

    private final ExecutiveSummaryPdf renderer = new ExecutiveSummaryPdf();

    @ParameterizedTest
    @ValueSource(longs = {7, 8, 9})
    void printsEveryFigureOfTheVersionAsTheModelGivesIt(long version) {
        SummaryContent summary = Fixtures.summary(version, List.of(), "acme", "cfo@acme.example");
        String text = flat(renderer.render(summary));
        CalculatorState state = summary.state();
        RoiOutputs o = state.outputs();

        assertTrue(text.contains("Calculator state version " + version + " · Generated 2026-03-14 09:26 UTC"), text);
        assertTrue(text.contains("Requested by cfo@acme.example · Tenant acme"), text);
        assertInOrder(text, "Net recovery a month " + Figures.money(o.netRecovery()),
                "Return on cost " + Figures.multiple(o.roi()), "Recovered a month " + Figures.money(o.totalRecovered()),
                "Peak utilization " + Figures.percent(o.peakUtilization()));
        assertInOrder(text, "Total recovered " + Figures.money(o.totalRecovered()),
                "Total cost " + Figures.money(o.totalCost()), "Net recovery " + Figures.money(o.netRecovery()),
                "Recovery rate " + Figures.percent(o.recoveryRate()), "ROI " + Figures.multiple(o.roi()));
        assertInOrder(text, "Utilization " + Figures.percent(o.utilization()),
                "Peak utilization " + Figures.percent(o.peakUtilization()),
                "Service level " + Figures.percent(o.serviceLevel()), "FTE required " + Figures.oneDecimal(o.fteRequired()),
                "Human agents (FTE) " + Figures.oneDecimal(state.inputs().humanAgents()));
        assertInOrder(text, "Incremental net recovery " + Figures.money(o.incrementalNetRecovery()),
                "Payback " + (o.paybackMonths() == null ? "n/a" : Figures.oneDecimal(o.paybackMonths()) + " months"),
                "AI annual ROI " + Figures.multiple(o.aiAnnualRoi()), "AI cost " + Figures.money(o.aiCost()),
                "AI implementation, one time " + Figures.money(state.inputs().aiImplementationCost()));

        List<String> rows = new ArrayList<>();
        String[] days = {"1–30 days", "31–60 days", "61–90 days", "91–120 days"};
        for (int i = 0; i < 4; i++) {
            String name = BucketSet.NAMES.get(i);
            BucketOutputs b = o.buckets().get(name);
            String strategy = switch (state.inputs().buckets().get(name).strategy()) {
                case HUMAN -> "Human";
                case AI_AUGMENTED -> "AI augmented";
                case AI_FIRST -> "AI first";
            };
            rows.add(days[i] + " " + strategy + " " + String.format(Locale.US, "%,d",
                    Math.round(state.inputs().buckets().get(name).accounts())) + " " + Figures.money(b.recovered())
                    + " " + Figures.percent(b.recoveryRate()) + " " + Figures.money(b.cost()) + " "
                    + Figures.perDollar(b.costToCollect()));
        }
        rows.add("All buckets " + Figures.money(o.totalRecovered()) + " " + Figures.percent(o.recoveryRate()) + " "
                + Figures.money(o.totalCost()) + " " + Figures.perDollar(o.costToCollect()));
        assertInOrder(text, rows.toArray(String[]::new));
        assertTrue(text.contains("State version " + version + " of session fixture."), text);
    }

    @Test
    void chartsLabelTheModelsFigures() {
        SummaryContent summary = Fixtures.summary(9, List.of(), "acme", null);
        String text = flat(renderer.render(summary));
        RoiOutputs o = summary.state().outputs();

        assertTrue(text.contains("Recovery and cost per bucket"), text);
        for (BucketOutputs b : o.buckets().values()) {
            assertTrue(text.contains(Figures.money(b.recovered())), "recovered " + Figures.money(b.recovered()));
            assertTrue(text.contains(Figures.money(b.cost())), "cost " + Figures.money(b.cost()));
        }
        assertInOrder(text, "Utilization against capacity", "Average", Figures.percent(o.utilization()), "Peak hour",
                Figures.percent(o.peakUtilization()));
        assertTrue(text.contains("threshold 120%"), text);

        assertInOrder(text, "Sensitivity", "change in net recovery a month when one input rises 10%");
        List<DriversView.Sensitivity> bars = summary.drivers().sensitivities().stream()
                .filter(s -> s.netRecoveryChange() != 0).limit(8).toList();
        List<String> expected = new ArrayList<>();
        for (DriversView.Sensitivity s : bars) {
            expected.add(s.label() + " " + (s.netRecoveryChange() > 0 ? "+" : "") + Figures.money(s.netRecoveryChange()));
        }
        assertInOrder(text, expected.toArray(String[]::new));
    }

    @Test
    void theScenarioTableComparesEachWhatIfEvaluatedOnTheVersion() {
        List<DocumentScenario> scenarios = Fixtures.scenarios(7);
        SummaryContent summary = Fixtures.summary(7, scenarios, "acme", null);
        String text = flat(renderer.render(summary));
        RoiOutputs now = summary.state().outputs();

        assertInOrder(text, "Scenarios discussed each evaluated on version 7, none applied",
                "As is (version 7) " + Figures.money(now.netRecovery()) + " — " + Figures.money(now.totalRecovered()) + " "
                        + Figures.money(now.totalCost()) + " " + Figures.percent(now.peakUtilization()) + " "
                        + Figures.percent(now.serviceLevel()) + " " + Figures.oneDecimal(now.paybackMonths()));
        int evaluated = 0;
        for (DocumentScenario scenario : scenarios) {
            ScenarioResult result = Fixtures.scenario(7, scenario.ops());
            if (result == null) {
                assertTrue(text.contains("not evaluated on this version."), text);
                assertTrue(text.contains(Fixtures.refusal(7, scenario.ops()).substring(0, 30)), text);
                continue;
            }
            evaluated++;
            RoiOutputs o = result.outputs();
            double change = result.diffs().stream().filter(d -> d.bucket() == null && d.key().equals("netRecovery"))
                    .map(OutputDiff::absolute).findFirst().orElse(0.0);
            String figures = Figures.money(o.netRecovery()) + " " + (change > 0 ? "+" : "") + Figures.money(change) + " "
                    + Figures.money(o.totalRecovered()) + " " + Figures.money(o.totalCost()) + " "
                    + Figures.percent(o.peakUtilization()) + " " + Figures.percent(o.serviceLevel()) + " "
                    + Figures.oneDecimal(o.paybackMonths());
            assertTrue(text.contains(figures), "missing '" + figures + "' in: " + text);
            assertTrue(text.contains(scenario.label().substring(0, 16)), scenario.label());
        }
        assertEquals(3, evaluated, "the fixture holds three scenarios the model accepts");
    }

    @Test
    void theOfflineNarrativeCarriesTheModelsFigures() {
        SummaryContent summary = Fixtures.summary(8, List.of(), "acme", null);
        String text = flat(renderer.render(summary));
        RoiOutputs o = summary.state().outputs();

        assertEquals(Narrative.Source.TEMPLATE, summary.narrative().source());
        assertTrue(text.contains("the operation recovers " + Figures.money(o.totalRecovered()) + " a month"), text);
        assertTrue(text.contains("It nets " + Figures.money(o.netRecovery()) + " a month, a return of "
                + Figures.multiple(o.roi())), text);
        assertTrue(text.contains("AI adds " + Figures.money(o.incrementalNetRecovery()) + " of net recovery a month"),
                text);
        assertTrue(text.contains("pays back in " + Figures.oneDecimal(o.paybackMonths()) + " months, an annual return of "
                + Figures.multiple(o.aiAnnualRoi())), text);
        for (String paragraph : summary.narrative().paragraphs()) {
            assertFalse(paragraph.contains("{"), paragraph);
            assertTrue(text.contains(paragraph.replaceAll("\\s+", " ").substring(0, 40)), paragraph);
        }
    }

    @Test
    void aPeakOverTheThresholdIsALiveRisk() {
        SummaryContent summary = Fixtures.summary(9, List.of(), "acme", null);
        String text = flat(renderer.render(summary));
        Double peak = summary.state().outputs().peakUtilization();

        assertTrue(peak > 1.5, "the fixture's version 9 is over 150%");
        assertTrue(text.contains("Peak utilization " + Figures.percent(peak)
                + " is above 150%: peak-hour contacts go unanswered."), text);
    }

    @Test
    void rendersLatinNamesAndACjkCompanyWithEmbeddedSubsets() throws Exception {
        byte[] pdf = renderer.render(Fixtures.summary(7, List.of(), CJK_COMPANY, UNICODE_NAME + " " + CJK_COMPANY));

        String text = flat(pdf);
        assertTrue(text.contains("Requested by " + UNICODE_NAME + " " + CJK_COMPANY), text);
        assertTrue(text.contains("Tenant " + CJK_COMPANY), text);
        List<String> fonts = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertTrue(font.isEmbedded(), font.getName());
                    fonts.add(font.getName());
                }
            }
        }
        // a subset carries a six-letter tag before the font's name
        assertTrue(fonts.stream().anyMatch(f -> f.matches("[A-Z]{6}\\+DejaVuSans")), fonts.toString());
        assertTrue(fonts.stream().anyMatch(f -> f.matches("[A-Z]{6}\\+DejaVuSans-Bold")), fonts.toString());
        assertTrue(fonts.stream().anyMatch(f -> f.matches("[A-Z]{6}\\+DroidSansFallback")), fonts.toString());
        for (double ink : PdfPages.inkPerPage(pdf)) {
            assertTrue(ink > 0.02, "a page is blank: " + ink);
        }
    }

    @Test
    void withoutCjkTheLargeFallbackFontIsNotEmbedded() throws IOException {
        byte[] pdf = renderer.render(Fixtures.summary(7, List.of(), "acme", UNICODE_NAME));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (var name : document.getPage(0).getResources().getFontNames()) {
                assertFalse(document.getPage(0).getResources().getFont(name).getName().contains("Droid"));
            }
        }
    }

    @Test
    void aCharacterNoShippedFontHasBecomesAQuestionMark() {
        // U+10900 (Phoenician) is in neither DejaVu Sans nor Droid Sans Fallback
        String text = flat(renderer.render(Fixtures.summary(7, List.of(), "acme", "Zoë \uD802\uDD00 Kim")));

        assertTrue(text.contains("Requested by Zoë ? Kim"), text);
    }

    @Test
    void overlongFreeTextIsCutShort() {
        String text = flat(renderer.render(Fixtures.summary(7, List.of(), "acme", "x".repeat(500))));

        assertTrue(text.contains("x".repeat(119) + "…"), text);
        assertFalse(text.contains("x".repeat(120)), text);
    }

    @Test
    void isTwoOrThreeSmallPagesNoneBlank() throws Exception {
        for (SummaryContent summary : List.of(Fixtures.summary(7, List.of(), "acme", UNICODE_NAME),
                Fixtures.summary(7, Fixtures.scenarios(7), "acme", UNICODE_NAME))) {
            byte[] pdf = renderer.render(summary);
            int pages = Fixtures.pages(pdf);
            assertTrue(pages >= 1 && pages <= 3, pages + " pages");
            assertTrue(pdf.length < 500 * 1024, "size " + pdf.length);
            List<Double> ink = PdfPages.inkPerPage(pdf);
            assertEquals(pages, ink.size());
            for (double share : ink) {
                assertTrue(share > 0.02, "a page is blank: " + ink);
            }
        }
    }

    private static String flat(byte[] pdf) {
        return Fixtures.text(pdf).replaceAll("\\s+", " ");
    }

    private static void assertInOrder(String flat, String... parts) {
        int from = 0;
        for (String part : parts) {
            int at = flat.indexOf(part, from);
            assertTrue(at >= 0, "missing '" + part + "' after position " + from + " in: " + flat);
            from = at + part.length();
        }
    }
}
