package dev.copilotsuite.document.service;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

import dev.copilotsuite.document.service.Typefaces.Style;
import dev.copilotsuite.events.calculator.BucketInputs;
import dev.copilotsuite.events.calculator.BucketOutputs;
import dev.copilotsuite.events.calculator.BucketSet;
import dev.copilotsuite.events.calculator.CalculatorState;
import dev.copilotsuite.events.calculator.OutputDiff;
import dev.copilotsuite.events.calculator.RoiInputs;
import dev.copilotsuite.events.calculator.RoiOutputs;
import dev.copilotsuite.events.format.Figures;

/**
 * Renders the executive summary (two or three A4 pages) of one calculator state version with PDFBox:
 * key figures, the narrative, the live risks, each bucket's strategy, three vector charts and the comparison
 * of the conversation's scenarios. Every figure is read from calculator-service's answers and written with
 * the suite's {@link Figures}. Text is set in the shipped fonts ({@link Typefaces}), embedded as subsets.
 */
@ApplicationScoped
public class ExecutiveSummaryPdf {

    public static final String TITLE = "Executive summary";

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 50;
    private static final float LEFT = MARGIN;
    private static final float RIGHT = PAGE.getWidth() - MARGIN;
    private static final float WIDTH = RIGHT - LEFT;
    /** Lowest a block may reach; the footer sits below it. */
    private static final float BOTTOM = MARGIN + 14;

    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    /** Longest free text (requester, tenant, a scenario's label) a page prints before cutting it short. */
    private static final int MAX_FREE_TEXT = 120;

    private final Typefaces typefaces;

    public ExecutiveSummaryPdf() {
        this(new Typefaces());
    }

    ExecutiveSummaryPdf(Typefaces typefaces) {
        this.typefaces = typefaces;
    }

    public byte[] render(SummaryContent summary) {
        try (PDDocument document = new PDDocument()) {
            describe(document, summary.state(), summary.generatedAt());
            new Layout(document, typefaces.forDocument(document), summary).draw();
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

    /** Accounts, whole with thousands separators: {@code 12,000}. */
    private static String count(double value) {
        return String.format(Locale.US, "%,d", Math.round(value));
    }

    private static String months(Double months) {
        return months == null ? Figures.MISSING : Figures.oneDecimal(months) + " months";
    }

    /** Free text on one line, cut short when it would crowd the page. */
    static String freeText(String text) {
        String flat = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return flat.codePointCount(0, flat.length()) <= MAX_FREE_TEXT ? flat
                : flat.substring(0, flat.offsetByCodePoints(0, MAX_FREE_TEXT - 1)) + "…";
    }

    /** Blocks laid top to bottom, a new page whenever the next one does not fit; {@code y} is the free space's top. */
    private static final class Layout {

        private final PDDocument document;
        private final Typefaces.Fonts fonts;
        private final SummaryContent summary;
        private final CalculatorState state;
        private final RoiInputs inputs;
        private final RoiOutputs outputs;
        private PDPageContentStream content;
        private Canvas c;
        private float y;

        Layout(PDDocument document, Typefaces.Fonts fonts, SummaryContent summary) {
            this.document = document;
            this.fonts = fonts;
            this.summary = summary;
            this.state = summary.state();
            this.inputs = state.inputs();
            this.outputs = state.outputs();
        }

        void draw() throws IOException {
            newPage();
            try {
                header();
                tiles();
                narrative();
                keyFigures();
                risks();
                buckets();
                charts();
                tornado();
                scenarios();
            } finally {
                content.close();
            }
            footers();
        }

        private void newPage() throws IOException {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            c = new Canvas(content, fonts);
            y = PAGE.getHeight() - MARGIN;
            if (document.getNumberOfPages() > 1) {
                c.text(Style.BOLD, 8, Ink.ACCENT, LEFT, y - 8, "COLLECTIONS ROI");
                c.textRight(Style.REGULAR, 8, Ink.MUTED, RIGHT, y - 8,
                        TITLE + "  ·  calculator state version " + state.version());
                y -= 14;
                c.line(Ink.RULE, 0.6f, LEFT, y, RIGHT, y);
                y -= 4;
            }
        }

        /** Starts a new page unless {@code height} fits below {@code y}. */
        private void room(float height) throws IOException {
            if (y - height < BOTTOM) {
                newPage();
            }
        }

        private void header() throws IOException {
            y -= 9;
            c.text(Style.BOLD, 9, Ink.ACCENT, LEFT, y, "COLLECTIONS ROI");
            y -= 30;
            c.text(Style.BOLD, 26, Ink.INK, LEFT, y, TITLE);
            y -= 20;
            c.text(Style.REGULAR, 10, Ink.MUTED, LEFT, y, "Calculator state version " + state.version()
                    + "  ·  Generated " + GENERATED.format(summary.generatedAt()));
            StringBuilder who = new StringBuilder();
            if (summary.requestedBy() != null && !summary.requestedBy().isBlank()) {
                who.append("Requested by ").append(freeText(summary.requestedBy())).append("  ·  ");
            }
            who.append("Tenant ").append(freeText(summary.tenantId()));
            for (String line : c.wrap(Style.REGULAR, 10, who.toString(), WIDTH)) {
                y -= 14;
                c.text(Style.REGULAR, 10, Ink.MUTED, LEFT, y, line);
            }
            y -= 12;
            c.line(Ink.RULE, 0.8f, LEFT, y, RIGHT, y);
        }

        private void tiles() throws IOException {
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
                c.fill(Ink.TILE, x, top - height, width, height);
                c.text(Style.REGULAR, 8.5f, Ink.MUTED, x + 10, top - 17, tiles[i][0]);
                Color figure = i == 3 && outputs.peakUtilization() != null
                        && outputs.peakUtilization() > Risks.PEAK_UTILIZATION_HIGH ? Ink.WARNING : Ink.INK;
                c.text(Style.BOLD, 18, figure, x + 10, top - 43, tiles[i][1]);
            }
            y = top - height;
        }

        private void narrative() throws IOException {
            List<List<String>> paragraphs = new ArrayList<>();
            float height = 30;
            for (String paragraph : summary.narrative().paragraphs()) {
                List<String> lines = c.wrap(Style.REGULAR, 9.5f, paragraph, WIDTH);
                paragraphs.add(lines);
                height += lines.size() * 13.5f + 5;
            }
            room(height);
            heading("Summary", summary.narrative().source() == Narrative.Source.GEMINI
                    ? "written by Gemini; every figure inserted from the model" : null);
            y -= 2;
            for (List<String> lines : paragraphs) {
                for (String line : lines) {
                    y -= 13.5f;
                    c.text(Style.REGULAR, 9.5f, Ink.INK, LEFT, y, line);
                }
                y -= 5;
            }
        }

        private void keyFigures() throws IOException {
            room(30 + 16 + 5 * 17 + 5);
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
                    {"AI annual ROI", Figures.multiple(outputs.aiAnnualRoi())},
                    {"AI cost", Figures.money(outputs.aiCost())},
                    {"AI implementation, one time", Figures.money(inputs.aiImplementationCost())}}};
            float gutter = 18;
            // the AI case's labels are the longest
            float[] widths = {140, 140, WIDTH - 280 - 2 * gutter};
            float top = y;
            float lowest = y;
            float x = LEFT;
            for (int col = 0; col < columns.length; col++) {
                float width = widths[col];
                float row = top - 12;
                c.text(Style.BOLD, 9, Ink.MUTED, x, row, columns[col][0][0]);
                for (int r = 1; r < columns[col].length; r++) {
                    row -= 17;
                    c.text(Style.REGULAR, 9.5f, Ink.INK, x, row, columns[col][r][0]);
                    c.textRight(Style.BOLD, 9.5f, Ink.INK, x + width, row, columns[col][r][1]);
                    c.line(Ink.RULE, 0.4f, x, row - 5, x + width, row - 5);
                }
                lowest = Math.min(lowest, row - 5);
                x += width + gutter;
            }
            y = lowest;
        }

        private void risks() throws IOException {
            List<String> risks = Risks.of(outputs);
            List<String> items = risks.isEmpty() ? List.of(Risks.noneFlagged(outputs))
                    : risks.stream().map(r -> "• " + r).toList();
            List<List<String>> wrapped = new ArrayList<>();
            float height = 30;
            for (String item : items) {
                List<String> lines = c.wrap(Style.REGULAR, 9.5f, item, WIDTH);
                wrapped.add(lines);
                height += lines.size() * 14;
            }
            room(height);
            heading("Live risks", "against the insight thresholds");
            for (List<String> lines : wrapped) {
                for (String line : lines) {
                    y -= 14;
                    c.text(Style.REGULAR, 9.5f, risks.isEmpty() ? Ink.INK : Ink.WARNING, LEFT, y, line);
                }
            }
        }

        private void buckets() throws IOException {
            room(30 + 10 + 20 + 5 * 18 + 6);
            heading("Buckets and their strategy", "by days past due, monthly");
            BucketSet<BucketInputs> bucketInputs = inputs.buckets();
            float[] widths = {80, 78, 58, 68, 76, 60, 75};
            boolean[] numeric = {false, false, true, true, true, true, true};
            String[] header = {"Days past due", "Strategy", "Accounts", "Recovered", "Recovery rate", "Cost",
                "Cost to collect"};
            float top = y - 6;
            c.fill(Ink.TILE, LEFT, top - 20, WIDTH, 20);
            row(header, widths, numeric, top - 14, Style.BOLD, 8, Ink.MUTED);
            float baseline = top - 20;
            for (String name : BucketSet.NAMES) {
                BucketInputs in = bucketInputs.get(name);
                BucketOutputs out = outputs.buckets().get(name);
                baseline -= 18;
                row(new String[] {Ink.daysPastDue(name), Ink.strategy(in.strategy()), count(in.accounts()),
                    Figures.money(out.recovered()), Figures.percent(out.recoveryRate()), Figures.money(out.cost()),
                    Figures.perDollar(out.costToCollect())}, widths, numeric, baseline, Style.REGULAR, 9.5f, Ink.INK);
                c.line(Ink.RULE, 0.4f, LEFT, baseline - 6, RIGHT, baseline - 6);
            }
            baseline -= 18;
            row(new String[] {"All buckets", "", "", Figures.money(outputs.totalRecovered()),
                Figures.percent(outputs.recoveryRate()), Figures.money(outputs.totalCost()),
                Figures.perDollar(outputs.costToCollect())}, widths, numeric, baseline, Style.BOLD, 9.5f, Ink.INK);
            y = baseline - 6;
        }

        private void charts() throws IOException {
            float height = 165;
            room(30 + height);
            float gap = 24;
            float half = (WIDTH - gap) / 2;
            y -= 22;
            c.text(Style.BOLD, 11, Ink.ACCENT, LEFT, y, "Recovery and cost per bucket");
            c.text(Style.BOLD, 11, Ink.ACCENT, LEFT + half + gap, y, "Utilization against capacity");
            y -= 8;
            Charts.recoveryAndCost(c, LEFT, y, half, height, outputs);
            Charts.utilization(c, LEFT + half + gap, y, half, height, outputs, summary.drivers());
            y -= height;
        }

        private void tornado() throws IOException {
            float height = Charts.tornadoHeight(summary.drivers());
            room(30 + 10 + height);
            heading("Sensitivity", "change in net recovery a month when one input rises 10%");
            y -= 8;
            Charts.tornado(c, LEFT, y, WIDTH, height, summary.drivers());
            y -= height;
        }

        private void scenarios() throws IOException {
            if (summary.scenarios().isEmpty()) {
                return;
            }
            float[] widths = {139, 56, 60, 54, 50, 46, 44, 46};
            boolean[] numeric = {false, true, true, true, true, true, true, true};
            String[][] header = {{"Scenario", ""}, {"Net", "recovery"}, {"Change in", "net recovery"},
                {"Recovered", ""}, {"Total cost", ""}, {"Peak", "utilization"}, {"Service", "level"},
                {"Payback,", "months"}};
            List<String[]> rows = new ArrayList<>();
            rows.add(row("As is (version " + state.version() + ")", outputs, "—"));
            List<String> problems = new ArrayList<>();
            for (ScenarioOutcome scenario : summary.scenarios()) {
                String label = freeText(scenario.label());
                if (scenario.result() == null) {
                    rows.add(null);
                    problems.add(label + ": not evaluated on this version. " + freeText(scenario.problem()));
                    continue;
                }
                RoiOutputs after = scenario.result().outputs();
                double change = scenario.result().diffs().stream()
                        .filter(d -> d.bucket() == null && "netRecovery".equals(d.key())).map(OutputDiff::absolute)
                        .filter(v -> v != null).findFirst().orElse(0.0);
                rows.add(row(label, after, Charts.signedMoney(change)));
            }
            float rowHeight = 22;
            room(30 + 26 + rows.size() * rowHeight + 20);
            heading("Scenarios discussed", "each evaluated on version " + state.version() + ", none applied");
            float top = y - 6;
            c.fill(Ink.TILE, LEFT, top - 24, WIDTH, 24);
            float x = LEFT;
            for (int i = 0; i < header.length; i++) {
                for (int line = 0; line < 2; line++) {
                    float baseline = top - 10 - line * 9;
                    if (numeric[i]) {
                        c.textRight(Style.BOLD, 7, Ink.MUTED, x + widths[i] - 4, baseline, header[i][line]);
                    } else {
                        c.text(Style.BOLD, 7, Ink.MUTED, x + 4, baseline, header[i][line]);
                    }
                }
                x += widths[i];
            }
            float baseline = top - 24;
            int problem = 0;
            for (int r = 0; r < rows.size(); r++) {
                String[] cells = rows.get(r);
                if (cells == null) {
                    List<String> lines = c.wrap(Style.REGULAR, 8, problems.get(problem++), WIDTH - 8);
                    for (int l = 0; l < Math.min(2, lines.size()); l++) {
                        String line = l == 1 && lines.size() > 2
                                ? c.fit(Style.REGULAR, 8, lines.get(1) + " " + lines.get(2) + "…", WIDTH - 8)
                                : lines.get(l);
                        baseline -= l == 0 ? 15 : 10;
                        c.text(Style.REGULAR, 8, Ink.WARNING, LEFT + 4, baseline, line);
                    }
                    c.line(Ink.RULE, 0.4f, LEFT, baseline - 6, RIGHT, baseline - 6);
                    baseline -= 2;
                    continue;
                }
                List<String> label = c.wrap(Style.REGULAR, 8, cells[0], widths[0] - 8);
                if (label.size() > 2) {
                    label = List.of(label.get(0), c.fit(Style.REGULAR, 8, label.get(1) + " " + label.get(2) + "…",
                            widths[0] - 8));
                }
                baseline -= 15;
                Style style = r == 0 ? Style.BOLD : Style.REGULAR;
                c.text(style, 8, Ink.INK, LEFT + 4, baseline, label.get(0));
                x = LEFT + widths[0];
                for (int i = 1; i < cells.length; i++) {
                    c.textRight(style, 8, Ink.INK, x + widths[i] - 4, baseline, cells[i]);
                    x += widths[i];
                }
                if (label.size() > 1) {
                    baseline -= 10;
                    c.text(style, 8, Ink.INK, LEFT + 4, baseline, label.get(1));
                }
                c.line(Ink.RULE, 0.4f, LEFT, baseline - 6, RIGHT, baseline - 6);
                baseline -= 2;
            }
            y = baseline - 6;
        }

        private static String[] row(String label, RoiOutputs o, String change) {
            return new String[] {label, Figures.money(o.netRecovery()), change, Figures.money(o.totalRecovered()),
                Figures.money(o.totalCost()), Figures.percent(o.peakUtilization()), Figures.percent(o.serviceLevel()),
                Figures.oneDecimal(o.paybackMonths())};
        }

        /** The session and page number at the foot of every page, once the page count is known. */
        private void footers() throws IOException {
            int pages = document.getNumberOfPages();
            String source = "State version " + state.version() + " of session " + freeText(state.sessionId())
                    + ". Every figure is read from calculator-service's model.";
            for (int i = 0; i < pages; i++) {
                try (PDPageContentStream footer = new PDPageContentStream(document, document.getPage(i),
                        AppendMode.APPEND, true, true)) {
                    Canvas foot = new Canvas(footer, fonts);
                    List<String> lines = foot.wrap(Style.REGULAR, 7.5f, source, WIDTH - 60);
                    float baseline = MARGIN - 14 + 10 * (lines.size() - 1);
                    foot.line(Ink.RULE, 0.4f, LEFT, baseline + 12, RIGHT, baseline + 12);
                    foot.textRight(Style.REGULAR, 7.5f, Ink.MUTED, RIGHT, baseline, "Page " + (i + 1) + " of " + pages);
                    for (String line : lines) {
                        foot.text(Style.REGULAR, 7.5f, Ink.MUTED, LEFT, baseline, line);
                        baseline -= 10;
                    }
                }
            }
        }

        private void heading(String title, String note) throws IOException {
            y -= 24;
            c.text(Style.BOLD, 11, Ink.ACCENT, LEFT, y, title);
            if (note != null) {
                c.text(Style.REGULAR, 8.5f, Ink.MUTED, LEFT + c.width(Style.BOLD, 11, title) + 8, y, note);
            }
            y -= 4;
        }

        private void row(String[] cells, float[] widths, boolean[] numeric, float baseline, Style style, float size,
                Color color) throws IOException {
            float x = LEFT;
            for (int i = 0; i < cells.length; i++) {
                if (numeric[i]) {
                    c.textRight(style, size, color, x + widths[i] - 6, baseline, cells[i]);
                } else {
                    c.text(style, size, color, x + 6, baseline, cells[i]);
                }
                x += widths[i];
            }
        }
    }
}
