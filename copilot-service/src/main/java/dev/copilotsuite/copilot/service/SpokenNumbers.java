package dev.copilotsuite.copilot.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dollar amounts and elapsed times a caller speaks. Transcripts spell numbers out the way
 * people say them ("twenty-six hundred", "a hundred and twenty", "six-fifty"), which no number-format
 * library parses, so this small reader does.
 */
final class SpokenNumbers {

    /** An amount of money said at {@code start} of the text. */
    record Amount(int dollars, int start) {
    }

    private static final Map<String, Integer> UNITS = Map.ofEntries(Map.entry("zero", 0), Map.entry("one", 1),
            Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
            Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14),
            Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18),
            Map.entry("nineteen", 19));
    private static final Map<String, Integer> TENS = Map.of("twenty", 20, "thirty", 30, "forty", 40, "fifty", 50,
            "sixty", 60, "seventy", 70, "eighty", 80, "ninety", 90);
    /** Words after a number that make it something other than money. */
    private static final Set<String> UNITS_OF_MEASURE = Set.of("gallon", "gallons", "year", "years", "day", "days",
            "week", "weeks", "month", "months", "inch", "inches", "foot", "feet", "degree", "degrees", "percent",
            "minute", "minutes", "hour", "hours", "mile", "miles", "times", "ton", "tons", "am", "pm", "o'clock",
            "square", "sq", "amp", "amps", "volt", "volts", "pound", "pounds", "people", "kids", "bedroom", "bedrooms",
            "story", "stories", "btu", "seer", "psi", "watts");
    private static final Pattern WORD = Pattern.compile("\\$?[a-z0-9][a-z0-9,.']*", Pattern.CASE_INSENSITIVE);
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[.,']+$");
    private static final Pattern DIGITS = Pattern.compile("\\$?(\\d[\\d,]*)(?:\\.\\d+)?(k)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern AGO = Pattern.compile(
            "\\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|a couple|a couple of|couple|couple of|a few|few|several|\\d+)"
                    + " (day|week|month)s? ago\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern LAST = Pattern.compile("\\b(yesterday|last week|last month)\\b", Pattern.CASE_INSENSITIVE);

    private SpokenNumbers() {
    }

    /** The amounts of money said in {@code text}: with $, dollars or bucks, or spoken with hundred or thousand. */
    static List<Amount> amounts(String text) {
        List<Token> tokens = tokens(text);
        List<Amount> amounts = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            int j = i;
            List<String> words = new ArrayList<>();
            while (j < tokens.size() && isNumberWord(tokens.get(j).word, words)) {
                words.add(tokens.get(j).word);
                j++;
            }
            while (!words.isEmpty() && (words.get(words.size() - 1).equals("and") || words.get(words.size() - 1).equals("a"))) {
                words.remove(words.size() - 1);
                j--;
            }
            if (words.isEmpty()) {
                i++;
                continue;
            }
            String next = j < tokens.size() ? tokens.get(j).word : "";
            boolean dollarsAfter = next.startsWith("dollar") || next.startsWith("buck") || next.equals("grand");
            boolean dollarSign = tokens.get(i).dollarSign;
            boolean spokenScale = words.stream().anyMatch(word -> word.equals("hundred") || word.equals("thousand")
                    || word.endsWith("k") && word.matches("\\d+k"));
            OptionalInt value = value(words, next.equals("grand"));
            boolean measured = UNITS_OF_MEASURE.contains(next.replaceAll("[.,]$", ""));
            if (value.isPresent() && !measured && (dollarSign || dollarsAfter || spokenScale || colloquial(words))) {
                amounts.add(new Amount(value.getAsInt(), tokens.get(i).start));
            }
            i = j;
        }
        return amounts;
    }

    /** How many days ago the caller says something began ("three weeks ago", "last week"), if said. */
    static OptionalInt daysAgo(String text) {
        Matcher ago = AGO.matcher(text);
        if (ago.find()) {
            String count = ago.group(1).toLowerCase();
            int n = count.matches("\\d+") ? Integer.parseInt(count)
                    : count.contains("couple") ? 2 : count.contains("few") || count.equals("several") ? 3
                    : count.equals("a") || count.equals("an") ? 1 : UNITS.getOrDefault(count, 1);
            String unit = ago.group(2).toLowerCase();
            return OptionalInt.of(n * (unit.equals("day") ? 1 : unit.equals("week") ? 7 : 30));
        }
        Matcher last = LAST.matcher(text);
        if (last.find()) {
            String said = last.group(1).toLowerCase();
            return OptionalInt.of(said.equals("yesterday") ? 1 : said.equals("last week") ? 7 : 30);
        }
        return OptionalInt.empty();
    }

    /** "six-fifty": a unit then tens, said for hundreds. */
    private static boolean colloquial(List<String> words) {
        return words.size() == 2 && UNITS.containsKey(words.get(0)) && UNITS.get(words.get(0)) < 10
                && TENS.containsKey(words.get(1));
    }

    private static boolean isNumberWord(String word, List<String> before) {
        if (UNITS.containsKey(word) || TENS.containsKey(word) || word.equals("hundred") || word.equals("thousand")
                || DIGITS.matcher(word).matches()) {
            return true;
        }
        if (word.equals("a")) {
            return before.isEmpty();
        }
        return word.equals("and") && !before.isEmpty() && before.get(before.size() - 1).equals("hundred");
    }

    private static OptionalInt value(List<String> words, boolean grand) {
        if (colloquial(words)) {
            return OptionalInt.of(UNITS.get(words.get(0)) * 100 + TENS.get(words.get(1)));
        }
        long total = 0;
        long current = 0;
        boolean any = false;
        for (String word : words) {
            Matcher digits = DIGITS.matcher(word);
            if (digits.matches()) {
                current += Long.parseLong(digits.group(1).replace(",", "")) * (digits.group(2) != null ? 1000 : 1);
                any = true;
            } else if (word.equals("a")) {
                current += 1;
            } else if (UNITS.containsKey(word)) {
                current += UNITS.get(word);
                any = true;
            } else if (TENS.containsKey(word)) {
                current += TENS.get(word);
                any = true;
            } else if (word.equals("hundred")) {
                current = (current == 0 ? 1 : current) * 100;
                any = true;
            } else if (word.equals("thousand")) {
                total += (current == 0 ? 1 : current) * 1000;
                current = 0;
                any = true;
            }
        }
        long value = (total + current) * (grand ? 1000 : 1);
        return any && value > 0 && value < Integer.MAX_VALUE ? OptionalInt.of((int) value) : OptionalInt.empty();
    }

    private record Token(String word, int start, boolean dollarSign) {
    }

    /** Words of the text, lower-cased; a hyphen separates two words ("twenty-six", "hundred-dollar"). */
    private static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            String raw = matcher.group();
            boolean dollar = raw.startsWith("$");
            String word = TRAILING_PUNCTUATION.matcher(dollar ? raw.substring(1) : raw).replaceAll("").toLowerCase();
            tokens.add(new Token(word, matcher.start(), dollar));
        }
        return tokens;
    }
}
