package dev.copilotsuite.document.service;

import java.awt.Color;
import java.io.IOException;
import java.util.List;

import dev.copilotsuite.document.service.Typefaces.Style;
import dev.copilotsuite.events.calculator.BucketOutputs;
import dev.copilotsuite.events.calculator.BucketSet;
import dev.copilotsuite.events.calculator.DriversView;
import dev.copilotsuite.events.calculator.RoiOutputs;
import dev.copilotsuite.events.format.Figures;

/**
 * The summary's three charts, drawn with PDFBox's vector operations rather than a charting library: the
 * labels stay in the shipped fonts (so any name renders and the text can be extracted and checked), and a
 * chart costs a few hundred path operations instead of a rendering toolkit. Each draws inside a box whose top
 * left corner and size it is given; every figure it prints is a model output written with {@link Figures}.
 */
final class Charts {

    static final Color RECOVERED = new Color(0x1F, 0x4E, 0x79);
    static final Color COST = new Color(0xC9, 0x8A, 0x2B);
    static final Color RISE = new Color(0x2E, 0x7D, 0x5B);
    static final Color FALL = new Color(0xB0, 0x3A, 0x2E);
    static final Color[] BUCKETS = {new Color(0x1F, 0x4E, 0x79), new Color(0x4A, 0x7F, 0xB0),
        new Color(0x8D, 0xB3, 0xD6), new Color(0xC4, 0xD8, 0xEA)};
    static final Color AXIS = new Color(0x9A, 0xA5, 0xB1);
    static final Color GRID = new Color(0xE6, 0xEA, 0xEF);

    /** Bars a tornado shows at most: the inputs that move net recovery most. */
    static final int TORNADO_BARS = 8;

    private Charts() {
    }

    /** Recovered and cost a month, side by side for each bucket. */
    static void recoveryAndCost(Canvas c, float left, float top, float width, float height, RoiOutputs outputs)
            throws IOException {
        legend(c, left, top - 8, new String[] {"Recovered", "Cost"}, new Color[] {RECOVERED, COST});
        float axisLeft = left + 38;
        float plotTop = top - 26;
        float plotBottom = top - height + 26;
        double max = 0;
        for (BucketOutputs bucket : outputs.buckets().values()) {
            max = Math.max(max, Math.max(bucket.recovered(), bucket.cost()));
        }
        double step = niceStep(max, 4);
        double top0 = Math.max(step, Math.ceil(max / step) * step);
        float plotHeight = plotTop - plotBottom;
        for (double tick = 0; tick <= top0 + step / 2; tick += step) {
            float y = plotBottom + (float) (tick / top0) * plotHeight;
            c.line(tick == 0 ? AXIS : GRID, 0.5f, axisLeft, y, left + width, y);
            c.textRight(Style.REGULAR, 6.5f, Ink.MUTED, axisLeft - 4, y - 2.2f, Figures.money(tick));
        }
        float slot = (left + width - axisLeft) / 4;
        float bar = Math.min(20, slot * 0.3f);
        int i = 0;
        for (String name : BucketSet.NAMES) {
            BucketOutputs bucket = outputs.buckets().get(name);
            float centre = axisLeft + slot * i + slot / 2;
            bar(c, RECOVERED, centre - bar - 3, plotBottom, bar, bucket.recovered(), top0, plotHeight,
                    Figures.money(bucket.recovered()));
            bar(c, COST, centre + 3, plotBottom, bar, bucket.cost(), top0, plotHeight, Figures.money(bucket.cost()));
            c.textCentred(Style.REGULAR, 7, Ink.INK, centre, plotBottom - 11, Ink.daysPastDue(name));
            i++;
        }
    }

    private static void bar(Canvas c, Color color, float x, float bottom, float width, double value, double max,
            float plotHeight, String label) throws IOException {
        float h = (float) (Math.max(0, value) / max) * plotHeight;
        c.fill(color, x, bottom, width, h);
        c.textCentred(Style.REGULAR, 5.5f, Ink.INK, x + width / 2, bottom + h + 2.5f, label);
    }

    /**
     * Average and peak-hour utilization against the capacity line (100%) and the insight threshold (120%),
     * each bar stacked by the buckets' shares of the human workload.
     */
    static void utilization(Canvas c, float left, float top, float width, float height, RoiOutputs outputs,
            DriversView drivers) throws IOException {
        String[] names = BucketSet.NAMES.stream().map(Ink::daysPastDue).toArray(String[]::new);
        legend(c, left, top - 8, names, BUCKETS);
        if (outputs.utilization() == null || outputs.peakUtilization() == null) {
            c.text(Style.REGULAR, 8, Ink.WARNING, left, top - 50, "No human capacity: there are no agents, so");
            c.text(Style.REGULAR, 8, Ink.WARNING, left, top - 62, "utilization cannot be drawn.");
            return;
        }
        float labelWidth = 52;
        float plotLeft = left + labelWidth;
        float plotRight = left + width - 30;
        double scale = Math.max(1.5, Math.ceil(outputs.peakUtilization() * 10 + 1) / 10);
        float plotTop = top - 34;
        float plotBottom = top - height + 30;
        float rowHeight = (plotTop - plotBottom) / 2;
        float barHeight = Math.min(24, rowHeight * 0.55f);
        double[] totals = {outputs.utilization(), outputs.peakUtilization()};
        float threshold = plotLeft + (float) (Risks.PEAK_UTILIZATION_HIGH / scale) * (plotRight - plotLeft);
        String[] labels = {"Average", "Peak hour"};
        for (int row = 0; row < 2; row++) {
            float centre = plotTop - rowHeight * row - rowHeight / 2;
            c.text(Style.REGULAR, 7.5f, Ink.INK, left, centre - 2.5f, labels[row]);
            float x = plotLeft;
            for (int b = 0; b < BucketSet.NAMES.size(); b++) {
                DriversView.BucketPeak part = drivers.peakByBucket().get(b);
                double share = part.share() == null ? 0 : part.share();
                float w = (float) (share * totals[row] / scale) * (plotRight - plotLeft);
                c.fill(BUCKETS[b], x, centre - barHeight / 2, w, barHeight);
                x += w;
            }
            // the figure clears the threshold line when the bar ends just short of it
            float labelAt = x < threshold && x > threshold - 26 ? threshold + 3 : x + 4;
            c.text(Style.BOLD, 7.5f, Ink.INK, labelAt, centre - 2.5f, Figures.percent(totals[row]));
        }
        c.line(AXIS, 0.5f, plotLeft, plotBottom, plotRight, plotBottom);
        for (double tick = 0; tick <= scale + 1e-9; tick += 0.5) {
            float x = plotLeft + (float) (tick / scale) * (plotRight - plotLeft);
            c.line(AXIS, 0.5f, x, plotBottom, x, plotBottom - 3);
            c.textCentred(Style.REGULAR, 6.5f, Ink.MUTED, x, plotBottom - 11, Figures.percent(tick));
        }
        float capacity = plotLeft + (float) (1.0 / scale) * (plotRight - plotLeft);
        c.line(Ink.INK, 1, capacity, plotBottom, capacity, plotTop + 4);
        c.textCentred(Style.REGULAR, 6.5f, Ink.INK, capacity, plotTop + 7, "capacity");
        c.dashed(Ink.WARNING, 1, threshold, plotBottom, threshold, plotTop + 4);
        c.text(Style.REGULAR, 6.5f, Ink.WARNING, threshold + 2, plotTop + 7,
                "threshold " + Figures.percent(Risks.PEAK_UTILIZATION_HIGH));
    }

    /** The change in net recovery a month when each input rises 10%, largest first, around a zero axis. */
    static void tornado(Canvas c, float left, float top, float width, float height, DriversView drivers)
            throws IOException {
        List<DriversView.Sensitivity> bars = drivers.sensitivities().stream()
                .filter(s -> s.netRecoveryChange() != 0).limit(TORNADO_BARS).toList();
        if (bars.isEmpty()) {
            c.text(Style.REGULAR, 8, Ink.MUTED, left, top - 12, "No input moves net recovery.");
            return;
        }
        float labelWidth = 215;
        float plotLeft = left + labelWidth + 44;
        float plotRight = left + width - 44;
        double max = bars.stream().mapToDouble(s -> Math.abs(s.netRecoveryChange())).max().orElse(1);
        boolean anyFall = bars.stream().anyMatch(s -> s.netRecoveryChange() < 0);
        boolean anyRise = bars.stream().anyMatch(s -> s.netRecoveryChange() > 0);
        float zero = !anyFall ? plotLeft : !anyRise ? plotRight : (plotLeft + plotRight) / 2;
        float half = !anyFall || !anyRise ? plotRight - plotLeft : (plotRight - plotLeft) / 2;
        float rowHeight = Math.min(17, height / bars.size());
        float barHeight = rowHeight * 0.62f;
        float y = top;
        for (DriversView.Sensitivity s : bars) {
            float centre = y - rowHeight / 2;
            String label = c.fit(Style.REGULAR, 7.5f, s.label(), labelWidth - 6);
            c.text(Style.REGULAR, 7.5f, Ink.INK, left, centre - 2.6f, label);
            float w = (float) (Math.abs(s.netRecoveryChange()) / max) * half;
            String value = signedMoney(s.netRecoveryChange());
            if (s.netRecoveryChange() >= 0) {
                c.fill(RISE, zero, centre - barHeight / 2, w, barHeight);
                c.text(Style.REGULAR, 7, Ink.INK, zero + w + 3, centre - 2.5f, value);
            } else {
                c.fill(FALL, zero - w, centre - barHeight / 2, w, barHeight);
                c.textRight(Style.REGULAR, 7, Ink.INK, zero - w - 3, centre - 2.5f, value);
            }
            y -= rowHeight;
        }
        c.line(Ink.INK, 0.8f, zero, top + 2, zero, y - 2);
    }

    /** The height a tornado of these drivers takes. */
    static float tornadoHeight(DriversView drivers) {
        long bars = drivers.sensitivities().stream().filter(s -> s.netRecoveryChange() != 0).limit(TORNADO_BARS)
                .count();
        return Math.max(1, bars) * 17 + 4;
    }

    /** {@code +$40.2K}, {@code -$1.05M}. */
    static String signedMoney(double value) {
        return value > 0 ? "+" + Figures.money(value) : Figures.money(value);
    }

    private static void legend(Canvas c, float left, float baseline, String[] labels, Color[] colors)
            throws IOException {
        float x = left;
        for (int i = 0; i < labels.length; i++) {
            c.fill(colors[i], x, baseline - 0.5f, 7, 7);
            c.text(Style.REGULAR, 7, Ink.MUTED, x + 10, baseline, labels[i]);
            x += 10 + c.width(Style.REGULAR, 7, labels[i]) + 10;
        }
    }

    /** A round step (1, 2 or 5 times a power of ten) that cuts {@code max} into about {@code ticks} parts. */
    static double niceStep(double max, int ticks) {
        if (!(max > 0) || !Double.isFinite(max)) {
            return 1;
        }
        double raw = max / ticks;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / power;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }
}
