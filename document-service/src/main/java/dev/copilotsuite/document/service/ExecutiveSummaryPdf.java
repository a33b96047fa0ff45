package dev.copilotsuite.document.service;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import dev.copilotsuite.events.calculator.BucketInputs;
import dev.copilotsuite.events.calculator.BucketOutputs;
import dev.copilotsuite.events.calculator.BucketSet;
import dev.copilotsuite.events.calculator.CalculatorState;
import dev.copilotsuite.events.calculator.RoiInputs;
import dev.copilotsuite.events.calculator.RoiOutputs;
import dev.copilotsuite.events.calculator.Strategy;
import dev.copilotsuite.events.format.Figures;

/**
 * Renders the one-page executive summary of a calculator state with PDFBox. Every figure on the page
 * is read from the state and written with the suite's {@link Figures}. Text is set in DejaVu Sans, shipped in
 * {@code fonts/} and embedded as a subset, so names in any Latin, Greek or Cyrillic script render.
 */
@ApplicationScoped
public class ExecutiveSummaryPdf {

    public static final String TITLE = "Executive summary";

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 50;
    private static final float LEFT = MARGIN;
    private static final float RIGHT = PAGE.getWidth() - MARGIN;
    private static final float WIDTH = RIGHT - LEFT;

    private static final Color INK = new Color(0x1B, 0x24, 0x33);
    private static final Color MUTED = new Color(0x5F, 0x6B, 0x7A);
    private static final Color ACCENT = new Color(0x1F, 0x4E, 0x79);
    private static final Color RULE = new Color(0xD5, 0xDB, 0xE3);
    private static final Color TILE = new Color(0xF1, 0xF4, 0xF8);
    private static final Color WARNING = new Color(0xA3, 0x32, 0x25);

    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final Map<String, String> DAYS_PAST_DUE = Map.of("bucket1", "1–30 days", "bucket2", "31–60 days",
            "bucket3", "61–90 days", "bucket4", "91–120 days");
    /** Longest free text (requester, tenant) a page prints before cutting it short. */
    private static final int MAX_FREE_TEXT = 120;

    private final byte[] regularFont;
    private final byte[] boldFont;

    public ExecutiveSummaryPdf() {
        this.regularFont = resource("fonts/DejaVuSans.ttf");
        this.boldFont = resource("fonts/DejaVuSans-Bold.ttf");
    }

    /**
     * @param tenantId    the tenant owning the session
     * @param requestedBy who asked for the document, or null
     */
    public byte[] render(CalculatorState state, String tenantId, String requestedBy, Instant generatedAt) {
        try (PDDocument document = new PDDocument()) {
            PDType0Font regular = PDType0Font.load(document, new ByteArrayInputStream(regularFont));
            PDType0Font bold = PDType0Font.load(document, new ByteArrayInputStream(boldFont));
            describe(document, state, generatedAt);
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                new Layout(content, regular, bold).draw(state, tenantId, requestedBy, generatedAt);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the executive summary", e);
        }
    }

    private static void describe(PDDocument document, CalculatorState state, Instant generatedAt) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(TITLE + ", version " + state.version());
        info.setSubject("Collections ROI, calculator state version " + state.version());
        info.setCreator("document-service");
        GregorianCalendar created = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
        created.setTimeInMillis(generatedAt.toEpochMilli());
        info.setCreationDate(created);
    }

    private static byte[] resource(String name) {
        try (InputStream in = ExecutiveSummaryPdf.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Accounts, whole with thousands separators: {@code 12,000}. */
    private static String count(double value) {
        return String.format(Locale.US, "%,d", Math.round(value));
    }

    private static String months(Double months) {
        return months == null ? Figures.MISSING : Figures.oneDecimal(months) + " months";
    }

    private static String strategy(Strategy strategy) {
        return switch (strategy) {
            case HUMAN -> "Human";
            case AI_AUGMENTED -> "AI augmented";
            case AI_FIRST -> "AI first";
        };
    }

    /** One page drawn top to bottom; {@code y} is the baseline of the last line drawn. */
    private static final class Layout {

        private final PDPageContentStream content;
        private final PDFont regular;
        private final PDFont bold;
        private float y = PAGE.getHeight() - MARGIN;

        Layout(PDPageContentStream content, PDFont regular, PDFont bold) {
            this.content = content;
            this.regular = regular;
            this.bold = bold;
        }

        void draw(CalculatorState state, String tenantId, String requestedBy, Instant generatedAt) throws IOException {
            RoiInputs inputs = state.inputs();
            RoiOutputs outputs = state.outputs();
            header(state, tenantId, requestedBy, generatedAt);
            tiles(outputs);
            keyFigures(inputs, outputs);
            buckets(inputs.buckets(), outputs);
            risks(outputs);
            footer(state);
        }

        private void header(CalculatorState state, String tenantId, String requestedBy, Instant generatedAt)
                throws IOException {
            y -= 9;
            text(bold, 9, ACCENT, LEFT, y, "COLLECTIONS ROI");
            y -= 30;
            text(bold, 26, INK, LEFT, y, TITLE);
            y -= 20;
            text(regular, 10, MUTED, LEFT, y,
                    "Calculator state version " + state.version() + "  ·  Generated " + GENERATED.format(generatedAt));
            StringBuilder who = new StringBuilder();
            if (requestedBy != null && !requestedBy.isBlank()) {
                who.append("Requested by ").append(freeText(requestedBy)).append("  ·  ");
            }
            who.append("Tenant ").append(freeText(tenantId));
            for (String line : wrap(regular, 10, printable(regular, who.toString()), WIDTH)) {
                y -= 14;
                text(regular, 10, MUTED, LEFT, y, line);
            }
            y -= 12;
            rule(LEFT, RIGHT, y, 0.8f);
        }

        private void tiles(RoiOutputs outputs) throws IOException {
            String[][] tiles = {
                {"Net recovery a month", Figures.money(outputs.netRecovery())},
                {"Return on cost", Figures.multiple(outputs.roi())},
                {"Recovered a month", Figures.money(outputs.totalRecovered())},
                {"Peak utilization", Figures.percent(outputs.peakUtilization())}};
            float gap = 10;
            float width = (WIDTH - gap * (tiles.length - 1)) / tiles.length;
            float height = 56;
            float top = y - 16;
            for (int i = 0; i < tiles.length; i++) {
                float x = LEFT + i * (width + gap);
                content.setNonStrokingColor(TILE);
                content.addRect(x, top - height, width, height);
                content.fill();
                text(regular, 8.5f, MUTED, x + 10, top - 17, tiles[i][0]);
                text(bold, 18, INK, x + 10, top - 43, tiles[i][1]);
            }
            y = top - height;
        }

        private void keyFigures(RoiInputs inputs, RoiOutputs outputs) throws IOException {
            heading("Key figures", "monthly, unless stated");
            String[][][] columns = {
                {{"Financials", null},
                    {"Total recovered", Figures.money(outputs.totalRecovered())},
                    {"Total cost", Figures.money(outputs.totalCost())},
                    {"Net recovery", Figures.money(outputs.netRecovery())},
                    {"Recovery rate", Figures.percent(outputs.recoveryRate())},
                    {"ROI", Figures.multiple(outputs.roi())}},
                {{"Capacity", null},
                    {"Utilization", Figures.percent(outputs.utilization())},
                    {"Peak utilization", Figures.percent(outputs.peakUtilization())},
                    {"Service level", Figures.percent(outputs.serviceLevel())},
                    {"FTE required", Figures.oneDecimal(outputs.fteRequired())},
                    {"Human agents (FTE)", Figures.oneDecimal(inputs.humanAgents())}},
                {{"AI case", null},
                    {"Incremental net recovery", Figures.money(outputs.incrementalNetRecovery())},
                    {"Payback", months(outputs.paybackMonths())},
                    {"AI annual ROI", Figures.multiple(outputs.aiAnnualRoi())}}};
            float gutter = 18;
            // the AI case's labels are the longest
            float[] widths = {145, 145, WIDTH - 290 - 2 * gutter};
            float top = y;
            float lowest = y;
            float x = LEFT;
            for (int c = 0; c < columns.length; c++) {
                float width = widths[c];
                float row = top - 16;
                text(bold, 9, MUTED, x, row, columns[c][0][0]);
                for (int r = 1; r < columns[c].length; r++) {
                    row -= 17;
                    text(regular, 9.5f, INK, x, row, columns[c][r][0]);
                    textRight(bold, 9.5f, INK, x + width, row, columns[c][r][1]);
                    rule(x, x + width, row - 5, 0.4f);
                }
                lowest = Math.min(lowest, row - 5);
                x += width + gutter;
            }
            y = lowest;
        }

        private void buckets(BucketSet<BucketInputs> inputs, RoiOutputs outputs) throws IOException {
            heading("Buckets", "by days past due");
            float[] widths = {80, 78, 58, 68, 76, 60, 75};
            boolean[] numeric = {false, false, true, true, true, true, true};
            String[] header = {"Days past due", "Strategy", "Accounts", "Recovered", "Recovery rate", "Cost",
                "Cost to collect"};
            float top = y - 10;
            content.setNonStrokingColor(TILE);
            content.addRect(LEFT, top - 20, WIDTH, 20);
            content.fill();
            row(header, widths, numeric, top - 14, bold, 8, MUTED);
            float baseline = top - 20;
            for (String name : BucketSet.NAMES) {
                BucketInputs in = inputs.get(name);
                BucketOutputs out = outputs.buckets().get(name);
                baseline -= 18;
                row(new String[] {DAYS_PAST_DUE.get(name), strategy(in.strategy()), count(in.accounts()),
                    Figures.money(out.recovered()), Figures.percent(out.recoveryRate()), Figures.money(out.cost()),
                    Figures.perDollar(out.costToCollect())}, widths, numeric, baseline, regular, 9.5f, INK);
                rule(LEFT, RIGHT, baseline - 6, 0.4f);
            }
            baseline -= 18;
            row(new String[] {"All buckets", "", "", Figures.money(outputs.totalRecovered()),
                Figures.percent(outputs.recoveryRate()), Figures.money(outputs.totalCost()),
                Figures.perDollar(outputs.costToCollect())}, widths, numeric, baseline, bold, 9.5f, INK);
            y = baseline - 6;
        }

        private void risks(RoiOutputs outputs) throws IOException {
            heading("Risks", null);
            List<String> risks = Risks.of(outputs);
            if (risks.isEmpty()) {
                paragraph(Risks.noneFlagged(outputs), INK);
            }
            for (String risk : risks) {
                paragraph("• " + risk, WARNING);
            }
        }

        private void footer(CalculatorState state) throws IOException {
            String source = printable(regular, "State version " + state.version() + " of session "
                    + freeText(state.sessionId()) + ". Every figure is read from calculator-service's model.");
            List<String> lines = wrap(regular, 7.5f, source, WIDTH - 60);
            float baseline = MARGIN - 14 + 10 * (lines.size() - 1);
            rule(LEFT, RIGHT, baseline + 12, 0.4f);
            textRight(regular, 7.5f, MUTED, RIGHT, baseline, "Page 1 of 1");
            for (String line : lines) {
                text(regular, 7.5f, MUTED, LEFT, baseline, line);
                baseline -= 10;
            }
        }

        private void heading(String title, String note) throws IOException {
            y -= 30;
            text(bold, 12, ACCENT, LEFT, y, title);
            if (note != null) {
                text(regular, 9, MUTED, LEFT + width(bold, 12, title) + 8, y, note);
            }
        }

        private void paragraph(String text, Color color) throws IOException {
            for (String line : wrap(regular, 10, text, WIDTH)) {
                y -= 16;
                text(regular, 10, color, LEFT, y, line);
            }
        }

        private void row(String[] cells, float[] widths, boolean[] numeric, float baseline, PDFont font, float size,
                Color color) throws IOException {
            float x = LEFT;
            for (int i = 0; i < cells.length; i++) {
                if (numeric[i]) {
                    textRight(font, size, color, x + widths[i] - 6, baseline, cells[i]);
                } else {
                    text(font, size, color, x + 6, baseline, cells[i]);
                }
                x += widths[i];
            }
        }

        private void text(PDFont font, float size, Color color, float x, float baseline, String text)
                throws IOException {
            content.beginText();
            content.setFont(font, size);
            content.setNonStrokingColor(color);
            content.newLineAtOffset(x, baseline);
            content.showText(text);
            content.endText();
        }

        private void textRight(PDFont font, float size, Color color, float right, float baseline, String text)
                throws IOException {
            text(font, size, color, right - width(font, size, text), baseline, text);
        }

        private void rule(float from, float to, float at, float thickness) throws IOException {
            content.setStrokingColor(RULE);
            content.setLineWidth(thickness);
            content.moveTo(from, at);
            content.lineTo(to, at);
            content.stroke();
        }
    }

    private static float width(PDFont font, float size, String text) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** Breaks text at spaces into lines no wider than {@code width}; a longer single word keeps a line of its own. */
    private static List<String> wrap(PDFont font, float size, String text, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && width(font, size, candidate) > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /** Free text on one line, cut short when it would crowd the page. */
    private static String freeText(String text) {
        String flat = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return flat.codePointCount(0, flat.length()) <= MAX_FREE_TEXT ? flat
                : flat.substring(0, flat.offsetByCodePoints(0, MAX_FREE_TEXT - 1)) + "…";
    }

    /** Replaces each character the font has no glyph for with '?', so an unusual name cannot fail a document. */
    private static String printable(PDFont font, String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            String character = Character.toString(codePoint);
            try {
                font.encode(character);
                out.append(character);
            } catch (IllegalArgumentException | IOException noGlyph) {
                out.append('?');
            }
        });
        return out.toString();
    }
}
