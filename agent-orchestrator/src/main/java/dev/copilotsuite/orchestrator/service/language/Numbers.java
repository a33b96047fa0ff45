package dev.copilotsuite.orchestrator.service.language;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers as people type them: number words ("fifty", "twenty-five", "two hundred") become digits,
 * so one pattern then reads digits with thousands separators, a currency sign and k/M suffixes.
 */
final class Numbers {

    private static final Map<String, Integer> UNITS = Map.ofEntries(Map.entry("zero", 0), Map.entry("one", 1),
            Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
            Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9),
            Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13),
            Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16),
            Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19));
    private static final Map<String, Integer> TENS = Map.of("twenty", 20, "thirty", 30, "forty", 40, "fifty", 50,
            "sixty", 60, "seventy", 70, "eighty", 80, "ninety", 90);
    private static final Map<String, Integer> SCALES = Map.of("hundred", 100, "thousand", 1_000, "million", 1_000_000);

    private static final String WORD = "(?:" + String.join("|", UNITS.keySet()) + "|" + String.join("|", TENS.keySet())
            + "|hundred|thousand|million|a\\s+(?:hundred|thousand|million))";
    /** A run of number words, e.g. "twenty-five", "two hundred", "a hundred". */
    private static final Pattern WORDS = Pattern.compile("\\b" + WORD + "(?:[\\s-]+(?:and\\s+)?" + WORD + ")*\\b");

    /** digits, optional decimals, optional suffix; "$1,500", "12.5k", "2m", "0.1". */
    static final Pattern NUMBER = Pattern.compile(
            "(?<![\\w.])(?<neg>-)?\\$?(?<n>\\d[\\d,]*(?:\\.\\d+)?|\\.\\d+)\\s*(?<suffix>k|m|mm|mn|bn|thousand|million|billion)?(?![a-z])");

    private Numbers() {
    }

    /** The text with every run of number words replaced by its digits ("set agents to fifty" → "set agents to 50"). */
    static String digits(String text) {
        Matcher m = WORDS.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Long value = value(m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : String.valueOf(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The value of a run of number words, or null when it is not a number ("a" alone, "a lot"). */
    private static Long value(String words) {
        long total = 0;
        long current = 0;
        boolean any = false;
        for (String word : words.split("[\\s-]+")) {
            if (word.equals("and") || word.equals("a")) {
                continue;
            }
            if (UNITS.containsKey(word)) {
                current += UNITS.get(word);
                any = true;
            } else if (TENS.containsKey(word)) {
                current += TENS.get(word);
                any = true;
            } else if (SCALES.containsKey(word)) {
                long scale = SCALES.get(word);
                current = Math.max(current, 1) * scale;
                if (scale >= 1_000) {
                    total += current;
                    current = 0;
                }
                any = true;
            }
        }
        return any ? total + current : null;
    }

    /** The number a {@link #NUMBER} match stands for. */
    static double of(Matcher m) {
        double n = Double.parseDouble(m.group("n").replace(",", ""));
        if (m.group("neg") != null) {
            n = -n;
        }
        String suffix = m.group("suffix");
        if (suffix == null) {
            return n;
        }
        switch (suffix) {
            case "k":
            case "thousand":
                return n * 1_000;
            case "bn":
            case "billion":
                return n * 1_000_000_000;
            default:
                return n * 1_000_000;
        }
    }
}
