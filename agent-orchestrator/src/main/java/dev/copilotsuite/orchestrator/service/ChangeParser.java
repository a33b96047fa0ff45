package dev.copilotsuite.orchestrator.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.copilotsuite.events.calculator.ChangeOp;
import dev.copilotsuite.events.calculator.InputCatalogView;
import dev.copilotsuite.events.calculator.InputDef;
import dev.copilotsuite.events.calculator.Strategy;

/**
 * Turns a plain-language change ("increase agent count to 50 and reduce rent by 10%") into an exact
 * change batch, reading input names, synonyms and bucket words from calculator-service's catalog. It
 * only proposes operations: bounds are checked where the state lives.
 */
public final class ChangeParser {

    /** The batch understood, and what could not be (e.g. a bucket input named without its bucket). */
    public record Parsed(List<ChangeOp> ops, List<String> problems) {
    }

    private record Phrase(String text, InputDef input) {
    }

    private static final Pattern CLAUSE_SPLIT = Pattern.compile("\\s*(?:;|,\\s+(?:and\\s+)?|\\band\\b|\\balso\\b|\\bthen\\b)\\s*");
    private static final Pattern BUCKET_NUMBER = Pattern.compile("\\bbucket\\s*#?\\s*([1-4])\\b");
    private static final Pattern NUMBER = Pattern.compile(
            "(?<prep>\\b(?:to|by|of)\\s+)?[$]?(?<n>-?\\d[\\d,]*(?:\\.\\d+)?|-?\\.\\d+)\\s*"
                    + "(?<scale>k|m|mm|thousand|million)?\\b\\s*(?<unit>%|percent(?:age)?\\s+points?|percent|points?|pts?|pp)?");
    private static final List<String> INCREASE = List.of("increase", "raise", "grow", "boost", "lift", "up", "bump",
            "higher", "more");
    private static final List<String> DECREASE = List.of("reduce", "decrease", "lower", "cut", "drop", "down", "shrink",
            "trim", "less", "fewer");
    private static final List<String> ADD = List.of("add", "hire", "plus");
    private static final List<String> REMOVE = List.of("remove", "lose", "fire", "minus", "subtract", "lay off");

    private final List<Phrase> phrases;
    private final Map<String, String> bucketAliases;
    private final Map<String, String> strategyAliases;
    private final Map<String, InputDef> byPath = new LinkedHashMap<>();

    public ChangeParser(InputCatalogView catalog) {
        List<Phrase> all = new ArrayList<>();
        for (InputDef input : catalog.inputs()) {
            byPath.put(input.path(), input);
            if (input.bucket() != null && !"bucket1".equals(input.bucket())) {
                continue; // bucket inputs are named once; the bucket comes from the clause
            }
            all.add(new Phrase(input.label().toLowerCase(Locale.ROOT), input));
            all.add(new Phrase(splitCamel(input.key()), input));
            input.synonyms().forEach(s -> all.add(new Phrase(s.toLowerCase(Locale.ROOT), input)));
        }
        all.sort(Comparator.comparingInt((Phrase p) -> p.text().length()).reversed());
        this.phrases = List.copyOf(all);
        this.bucketAliases = catalog.bucketAliases();
        this.strategyAliases = catalog.strategyAliases();
    }

    /** The catalog entry of a path the parser produced. */
    public InputDef input(String path) {
        return byPath.get(path);
    }

    public Parsed parse(String message) {
        List<ChangeOp> ops = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String text = message.toLowerCase(Locale.ROOT).replaceAll("[!?]+", " ").replaceAll("\\.(\\s|$)", " ").trim();
        for (String clause : CLAUSE_SPLIT.split(text)) {
            if (!clause.isBlank()) {
                clause(clause.trim(), ops, problems);
            }
        }
        return new Parsed(List.copyOf(ops), List.copyOf(problems));
    }

    private void clause(String clause, List<ChangeOp> ops, List<String> problems) {
        Optional<String> bucket = bucket(clause);
        String rest = bucket.isPresent() ? withoutBucket(clause) : clause;
        Optional<Phrase> phrase = find(rest);
        Optional<Strategy> strategy = strategy(rest);

        if (strategy.isPresent() && (phrase.isEmpty() || phrase.get().input().isStrategy())) {
            if (bucket.isEmpty()) {
                problems.add("Which bucket should move to " + strategy.get() + "?");
            } else {
                ops.add(ChangeOp.strategy(bucket.get(), strategy.get()));
            }
            return;
        }
        if (phrase.isEmpty()) {
            return;
        }
        InputDef input = phrase.get().input();
        String path = input.path();
        if (input.bucket() != null) {
            if (bucket.isEmpty()) {
                problems.add("Which bucket's " + input.label().toLowerCase(Locale.ROOT) + " should change?");
                return;
            }
            path = "buckets." + bucket.get() + "." + input.key();
            input = byPath.getOrDefault(path, input);
        }
        operation(rest.replace(phrase.get().text(), " "), path, input).ifPresent(ops::add);
    }

    private Optional<ChangeOp> operation(String clause, String path, InputDef input) {
        int direction = has(clause, DECREASE) || has(clause, REMOVE) ? -1 : 1;
        if (has(clause, List.of("double"))) {
            return Optional.of(ChangeOp.scale(path, 2));
        }
        if (has(clause, List.of("halve", "half"))) {
            return Optional.of(ChangeOp.scale(path, 0.5));
        }
        Optional<Quantity> found = quantity(clause);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        double n = found.get().value();
        String unit = found.get().unit();
        boolean percent = unit.equals("%") || unit.equals("percent");
        boolean points = !unit.isEmpty() && !percent;
        String prep = found.get().prep();

        if (prep.equals("by")) {
            if (percent) {
                return Optional.of(ChangeOp.scale(path, 1 + direction * n / 100));
            }
            return Optional.of(ChangeOp.add(path, direction * (points ? n / 100 : n)));
        }
        if (prep.equals("to") || has(clause, List.of("set", "change", "make", "update", "put", "switch", "move"))) {
            return Optional.of(ChangeOp.set(path, percent && fractional(input) ? n / 100 : n));
        }
        if (has(clause, ADD) || has(clause, REMOVE) || has(clause, INCREASE) || has(clause, DECREASE)) {
            return Optional.of(ChangeOp.add(path, direction * (points || (percent && fractional(input)) ? n / 100 : n)));
        }
        return Optional.of(ChangeOp.set(path, percent && fractional(input) ? n / 100 : n));
    }

    /** A number in the clause, with the word before it ("to", "by") and its unit. */
    private record Quantity(String prep, double value, String unit) {
    }

    /** The first number after "to" or "by", else the first number. */
    private static Optional<Quantity> quantity(String clause) {
        Matcher m = NUMBER.matcher(clause);
        Quantity first = null;
        while (m.find()) {
            Quantity q = new Quantity(m.group("prep") == null ? "" : m.group("prep").trim(),
                    number(m.group("n"), m.group("scale")), m.group("unit") == null ? "" : m.group("unit").trim());
            if (!q.prep().isEmpty()) {
                return Optional.of(q);
            }
            if (first == null) {
                first = q;
            }
        }
        return Optional.ofNullable(first);
    }

    private Optional<Phrase> find(String clause) {
        return phrases.stream().filter(p -> containsWord(clause, p.text())).findFirst();
    }

    private Optional<String> bucket(String clause) {
        Matcher m = BUCKET_NUMBER.matcher(clause);
        if (m.find()) {
            return Optional.of("bucket" + m.group(1));
        }
        return bucketAliases.entrySet().stream().filter(e -> containsWord(clause, e.getKey()))
                .max(Comparator.comparingInt(e -> e.getKey().length())).map(Map.Entry::getValue);
    }

    private String withoutBucket(String clause) {
        String rest = BUCKET_NUMBER.matcher(clause).replaceAll(" ");
        for (String alias : bucketAliases.keySet()) {
            if (containsWord(rest, alias)) {
                rest = rest.replace(alias, " ");
            }
        }
        return rest;
    }

    private Optional<Strategy> strategy(String clause) {
        return strategyAliases.entrySet().stream().filter(e -> containsWord(clause, e.getKey()))
                .max(Comparator.comparingInt(e -> e.getKey().length())).map(e -> Strategy.valueOf(e.getValue()));
    }

    private static boolean fractional(InputDef input) {
        String unit = input.unit().toLowerCase(Locale.ROOT);
        return unit.startsWith("fraction") || unit.equals("relative") || unit.equals("multiplier");
    }

    private static double number(String digits, String scale) {
        double n = Double.parseDouble(digits.replace(",", ""));
        if (scale == null) {
            return n;
        }
        return switch (scale) {
            case "k", "thousand" -> n * 1_000;
            default -> n * 1_000_000;
        };
    }

    private static boolean has(String clause, List<String> words) {
        return words.stream().anyMatch(w -> containsWord(clause, w));
    }

    private static boolean containsWord(String text, String phrase) {
        return Pattern.compile("(?<![a-z0-9])" + Pattern.quote(phrase) + "(?![a-z0-9])").matcher(text).find();
    }

    private static String splitCamel(String key) {
        return key.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }
}
