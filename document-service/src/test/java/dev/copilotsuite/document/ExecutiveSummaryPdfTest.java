package dev.copilotsuite.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

import dev.copilotsuite.document.service.ExecutiveSummaryPdf;
import dev.copilotsuite.events.calculator.CalculatorState;

class ExecutiveSummaryPdfTest {

    private static final Instant GENERATED = Instant.parse("2026-03-14T09:26:53.589Z");
    private static final String UNICODE_NAME = "Zoë Müller – Łódź €";

    private final ExecutiveSummaryPdf renderer = new ExecutiveSummaryPdf();
    private final CalculatorState defaults = Fixtures.defaults();

    @Test
    void showsTheStatesFiguresVersionAndTime() {
        String text = Fixtures.text(renderer.render(defaults, "acme", "cfo@acme.example", GENERATED));

        assertTrue(text.contains("Executive summary"), text);
        assertTrue(text.contains("Calculator state version 7"), text);
        assertTrue(text.contains("Generated 2026-03-14 09:26 UTC"), text);
        assertTrue(text.contains("Requested by cfo@acme.example"), text);
        assertTrue(text.contains("Tenant acme"), text);
        assertContainsInOrder(text, "Total recovered $3.60M", "Total cost $185K", "Net recovery $3.42M",
                "Recovery rate 15%", "ROI 18.5×");
        assertContainsInOrder(text, "Utilization 76%", "Peak utilization 114%", "Service level 96%",
                "FTE required 22.9", "Human agents (FTE) 30.0");
        assertContainsInOrder(text, "Incremental net recovery $0", "Payback n/a", "AI annual ROI n/a");
        assertContainsInOrder(text, "1–30 days Human 12,000 $2.09M 20% $75.5K $0.04",
                "31–60 days Human 6,000 $1.03M 16% $55.0K $0.05",
                "61–90 days Human 3,000 $382K 9% $35.5K $0.09",
                "91–120 days Human 1,500 $103K 4% $18.5K $0.18",
                "All buckets $3.60M 15% $185K $0.05");
        assertTrue(text.contains("No risk flagged: peak utilization 114% is within the 120% threshold"), text);
        assertTrue(text.contains("State version 7 of session fixture."), text);
    }

    @Test
    void showsTheAiCaseAndEachBucketsStrategy() {
        String text = Fixtures.text(renderer.render(Fixtures.bucket1AiAugmented(), "acme", null, GENERATED));

        assertTrue(text.contains("Calculator state version 8"), text);
        assertFalse(text.contains("Requested by"), text);
        assertContainsInOrder(text, "Incremental net recovery $335K", "Payback 0.7 months", "AI annual ROI 15.1×");
        assertContainsInOrder(text, "Net recovery $3.75M", "Peak utilization 91%", "Service level 100%");
        assertContainsInOrder(text, "1–30 days AI augmented", "31–60 days Human");
    }

    @Test
    void rendersUnicodeNamesWithTheEmbeddedFont() throws IOException {
        byte[] pdf = renderer.render(defaults, "łódź-tenant", UNICODE_NAME, GENERATED);

        String text = Fixtures.text(pdf);
        assertTrue(text.contains("Requested by " + UNICODE_NAME), text);
        assertTrue(text.contains("Tenant łódź-tenant"), text);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDPage page = document.getPage(0);
            List<String> fonts = new ArrayList<>();
            for (var name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                assertTrue(font.isEmbedded(), font.getName());
                fonts.add(font.getName());
            }
            // a subset carries a six-letter tag before the font's name
            assertTrue(fonts.stream().anyMatch(f -> f.matches("[A-Z]{6}\\+DejaVuSans")), fonts.toString());
            assertTrue(fonts.stream().anyMatch(f -> f.matches("[A-Z]{6}\\+DejaVuSans-Bold")), fonts.toString());
        }
    }

    @Test
    void charactersTheFontLacksBecomeQuestionMarksInsteadOfFailing() {
        String text = Fixtures.text(renderer.render(defaults, "acme", "株式会社 Zoë", GENERATED));

        assertTrue(text.contains("Requested by ???? Zoë"), text);
    }

    @Test
    void overlongFreeTextIsCutShort() {
        String text = Fixtures.text(renderer.render(defaults, "acme", "x".repeat(500), GENERATED));

        assertTrue(text.contains("x".repeat(119) + "…"), text);
        assertFalse(text.contains("x".repeat(120)), text);
    }

    @Test
    void isOneSmallPageThatIsNotBlank() throws IOException {
        byte[] pdf = renderer.render(defaults, "acme", UNICODE_NAME, GENERATED);

        assertEquals(1, Fixtures.pages(pdf));
        assertTrue(pdf.length < 500 * 1024, "size " + pdf.length);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 40);
            long inked = 0;
            for (int x = 0; x < image.getWidth(); x++) {
                for (int y = 0; y < image.getHeight(); y++) {
                    if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                        inked++;
                    }
                }
            }
            long share = inked * 100 / ((long) image.getWidth() * image.getHeight());
            assertTrue(share >= 3, "only " + share + "% of the page is inked");
        }
    }

    private static void assertContainsInOrder(String text, String... parts) {
        String flat = text.replaceAll("\\s+", " ");
        int from = 0;
        for (String part : parts) {
            int at = flat.indexOf(part, from);
            assertTrue(at >= 0, "missing '" + part + "' after position " + from + " in: " + flat);
            from = at + part.length();
        }
    }
}
