package dev.copilotsuite.orchestrator.service;

import java.util.Locale;
import java.util.Map;

import dev.copilotsuite.events.calculator.InputDef;
import dev.copilotsuite.events.format.Figures;
import dev.copilotsuite.orchestrator.service.language.Metric;

/** How the copilot writes inputs and outputs, in the suite's one figure style (Figures). */
final class Wording {

    private Wording() {
    }

    static String input(InputDef input, Object value) {
        if (!(value instanceof Number number)) {
            return input != null && input.isStrategy() ? Figures.strategy(String.valueOf(value)) : String.valueOf(value);
        }
        double v = number.doubleValue();
        String unit = input == null || input.unit() == null ? "" : input.unit().toLowerCase(Locale.ROOT);
        if (unit.startsWith("usd")) {
            return v != 0 && Math.abs(v) < 10 ? String.format(Locale.ROOT, "$%.2f", v) : Figures.money(v);
        }
        if (unit.startsWith("fraction") || unit.equals("relative")) {
            double percent = v * 100;
            return percent == Math.rint(percent) ? Math.round(percent) + "%"
                    : String.format(Locale.ROOT, "%.1f%%", percent);
        }
        if (unit.equals("multiplier")) {
            return Figures.oneDecimal(v) + "×";
        }
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v).replaceAll("0+$", "");
    }

    static String metric(Metric metric, Double value) {
        switch (metric.style()) {
            case PERCENT:
                return Figures.percent(value);
            case MONEY:
                return Figures.money(value);
            case PER_DOLLAR:
                return Figures.perDollar(value);
            case MULTIPLE:
                return Figures.multiple(value);
            default:
                return Figures.oneDecimal(value);
        }
    }

    /** A signed change of a figure: "+$335K", "-12 points", "+3.4". */
    static String delta(Metric metric, Double before, Double after) {
        if (before == null || after == null) {
            return null;
        }
        double d = after - before;
        String sign = d >= 0 ? "+" : "-";
        switch (metric.style()) {
            case PERCENT:
                return sign + Math.abs(Math.round(d * 100)) + " points";
            case MONEY:
                return sign + Figures.money(Math.abs(d));
            case PER_DOLLAR:
                return sign + Figures.perDollar(Math.abs(d));
            default:
                return sign + Figures.oneDecimal(Math.abs(d));
        }
    }

    static Double number(Map<String, Object> values, String key) {
        Object v = values == null ? null : values.get(key);
        return v instanceof Number n ? n.doubleValue() : null;
    }

    static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
