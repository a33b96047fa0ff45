package dev.copilotsuite.document.service;

import java.awt.Color;
import java.util.Map;

import dev.copilotsuite.events.calculator.Strategy;

/** The summary's palette and the names it prints for buckets and strategies. */
final class Ink {

    static final Color INK = new Color(0x1B, 0x24, 0x33);
    static final Color MUTED = new Color(0x5F, 0x6B, 0x7A);
    static final Color ACCENT = new Color(0x1F, 0x4E, 0x79);
    static final Color RULE = new Color(0xD5, 0xDB, 0xE3);
    static final Color TILE = new Color(0xF1, 0xF4, 0xF8);
    static final Color WARNING = new Color(0xA3, 0x32, 0x25);

    private static final Map<String, String> DAYS_PAST_DUE = Map.of("bucket1", "1–30 days", "bucket2", "31–60 days",
            "bucket3", "61–90 days", "bucket4", "91–120 days");

    private Ink() {
    }

    /** {@code 1–30 days} for {@code bucket1}. */
    static String daysPastDue(String bucket) {
        return DAYS_PAST_DUE.get(bucket);
    }

    static String strategy(Strategy strategy) {
        return switch (strategy) {
            case HUMAN -> "Human";
            case AI_AUGMENTED -> "AI augmented";
            case AI_FIRST -> "AI first";
        };
    }
}
