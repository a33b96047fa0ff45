package dev.copilotsuite.events.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * The one way the suite writes a figure for people, in the chat, the UI and the PDF alike:
 * money as {@code $3.42M} / {@code $157K} / {@code $17.8K} (3 significant figures), rates as whole
 * percent ({@code 114%}), cost to collect as dollars per dollar ({@code $0.18}), FTE and months with
 * one decimal ({@code 22.9}), ROI as a multiple ({@code 18.5×}). A null figure is {@code n/a}.
 */
public final class Figures {

    public static final String MISSING = "n/a";

    private static final MathContext THREE = new MathContext(3, RoundingMode.HALF_UP);

    public static String money(Double dollars) {
        if (dollars == null) {
            return MISSING;
        }
        String sign = dollars < 0 ? "-" : "";
        BigDecimal rounded = new BigDecimal(Math.abs(dollars)).round(THREE);
        String[] suffixes = {"", "K", "M", "B", "T"};
        int tier = 0;
        while (tier < suffixes.length - 1 && rounded.compareTo(BigDecimal.valueOf(1000)) >= 0) {
            rounded = rounded.divide(BigDecimal.valueOf(1000)).round(THREE);
            tier++;
        }
        if (tier == 0) {
            return sign + "$" + rounded.setScale(0, RoundingMode.HALF_UP).toPlainString();
        }
        return sign + "$" + rounded.setScale(3 - integerDigits(rounded), RoundingMode.HALF_UP).toPlainString()
                + suffixes[tier];
    }

    public static String percent(Double fraction) {
        return fraction == null ? MISSING : Math.round(fraction * 100) + "%";
    }

    /** Dollars spent per dollar recovered. */
    public static String perDollar(Double ratio) {
        return ratio == null ? MISSING : String.format(Locale.ROOT, "$%.2f", ratio);
    }

    /** FTE, months, multiples. */
    public static String oneDecimal(Double value) {
        return value == null ? MISSING : String.format(Locale.ROOT, "%.1f", value);
    }

    /** A return as a multiple of its cost: {@code 18.5×}. */
    public static String multiple(Double value) {
        return value == null ? MISSING : oneDecimal(value) + "×";
    }

    /** "bucket 3" for {@code bucket3}. */
    public static String bucket(String bucket) {
        return bucket.replace("bucket", "bucket ");
    }

    /** A strategy as people say it: {@code AI_FIRST} → "AI first". */
    public static String strategy(String strategy) {
        if (strategy == null) {
            return MISSING;
        }
        switch (strategy) {
            case "HUMAN":
                return "human-only";
            case "AI_AUGMENTED":
                return "AI augmentation";
            case "AI_FIRST":
                return "AI first";
            default:
                return strategy;
        }
    }

    /** Digits before the point of a value in [1, 1000). */
    private static int integerDigits(BigDecimal value) {
        return value.compareTo(BigDecimal.TEN) < 0 ? 1 : value.compareTo(BigDecimal.valueOf(100)) < 0 ? 2 : 3;
    }

    private Figures() {
    }
}
