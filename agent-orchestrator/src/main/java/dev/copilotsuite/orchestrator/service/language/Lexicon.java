package dev.copilotsuite.orchestrator.service.language;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.copilotsuite.events.calculator.InputCatalogView;
import dev.copilotsuite.events.calculator.InputDef;
import dev.copilotsuite.events.calculator.Strategy;

/**
 * The words of the calculator: input names and synonyms, bucket and strategy aliases, all from
 * calculator-service's catalog (one source for the UI, validation and language), plus the outputs
 * people ask about.
 */
public final class Lexicon {

    public static final List<String> BUCKETS = List.of("bucket1", "bucket2", "bucket3", "bucket4");

    /** A phrase found in a text, and where. */
    public record Found<T>(T value, String phrase, int start) {
    }

    private record Phrase<T>(String text, T value, Pattern pattern) {
        Phrase(String text, T value) {
            this(text, value, word(text));
        }
    }

    private static final Pattern BUCKET_LIST = Pattern.compile(
            "\\bbuckets?\\s*#?\\s*(\\d+(?:\\s*(?:,|and|&|or|-|through)\\s*(?:bucket\\s*)?\\d+)*)");
    private static final Pattern ALL_BUCKETS = Pattern.compile(
            "\\b(?:all|every|each|all four|all 4|all the|across all|across the)\\s+(?:of the\\s+)?buckets?\\b|\\bevery bucket\\b|\\bacross buckets\\b|\\bin all buckets\\b");

    private final List<Phrase<InputDef>> inputs;
    private final List<Phrase<String>> bucketAliases;
    private final List<Phrase<Strategy>> strategies;
    private final List<Phrase<Metric>> metrics;
    private final Map<String, InputDef> byPath = new LinkedHashMap<>();

    public Lexicon(InputCatalogView catalog) {
        List<Phrase<InputDef>> all = new ArrayList<>();
        for (InputDef input : catalog.inputs()) {
            byPath.put(input.path(), input);
            if (input.bucket() != null && !"bucket1".equals(input.bucket())) {
                continue; // a bucket input is named once; its bucket comes from the sentence
            }
            all.add(new Phrase<>(input.label().toLowerCase(Locale.ROOT), input));
            all.add(new Phrase<>(splitCamel(input.key()), input));
            input.synonyms().forEach(s -> all.add(new Phrase<>(s.toLowerCase(Locale.ROOT), input)));
        }
        this.inputs = longestFirst(all);
        List<Phrase<String>> buckets = new ArrayList<>();
        catalog.bucketAliases().forEach((alias, bucket) -> buckets.add(new Phrase<>(alias.toLowerCase(Locale.ROOT), bucket)));
        this.bucketAliases = longestFirst(buckets);
        List<Phrase<Strategy>> strategyPhrases = new ArrayList<>();
        catalog.strategyAliases().forEach((alias, s) -> strategyPhrases.add(new Phrase<>(alias.toLowerCase(Locale.ROOT),
                Strategy.valueOf(s))));
        for (Strategy s : Strategy.values()) {
            strategyPhrases.add(new Phrase<>(s.name().toLowerCase(Locale.ROOT).replace('_', ' '), s));
            strategyPhrases.add(new Phrase<>(s.name().toLowerCase(Locale.ROOT), s));
        }
        this.strategies = longestFirst(strategyPhrases);
        List<Phrase<Metric>> metricPhrases = new ArrayList<>();
        Metric.ALL.forEach(m -> m.phrases().forEach(p -> metricPhrases.add(new Phrase<>(p, m))));
        this.metrics = longestFirst(metricPhrases);
    }

    /** The catalog entry of a path, e.g. {@code buckets.bucket2.contactRate}; null when there is none. */
    public InputDef input(String path) {
        return byPath.get(path);
    }

    /** The path of a (possibly bucket) input in a bucket; the bucket may not exist, and the calculator then says so. */
    public static String pathOf(InputDef input, String bucket) {
        return input.bucket() == null ? input.path() : "buckets." + bucket + "." + input.key();
    }

    /** The input named in a text, longest phrase first. */
    public Optional<Found<InputDef>> input(String text, boolean includeStrategy) {
        return first(inputs, text).filter(f -> includeStrategy || !f.value().isStrategy());
    }

    /** Every input named in a text, each once, in order of appearance. */
    public List<Found<InputDef>> inputs(String text) {
        List<Found<InputDef>> found = new ArrayList<>();
        String rest = text;
        for (Phrase<InputDef> phrase : inputs) {
            Matcher m = phrase.pattern().matcher(rest);
            if (m.find() && found.stream().noneMatch(f -> f.value().key().equals(phrase.value().key()))) {
                found.add(new Found<>(phrase.value(), phrase.text(), m.start()));
                rest = rest.substring(0, m.start()) + " ".repeat(m.end() - m.start()) + rest.substring(m.end());
            }
        }
        found.sort(Comparator.comparingInt(Found::start));
        return found;
    }

    public Optional<Found<Strategy>> strategy(String text) {
        return first(strategies, text);
    }

    public Optional<Found<Metric>> metric(String text) {
        return first(metrics, text);
    }

    public static Optional<Metric> metricNamed(String name) {
        return Metric.ALL.stream().filter(m -> name != null && name.equals(m.name())).findFirst();
    }

    /**
     * The buckets a text names, in order: "bucket 2", "buckets 1 and 2", "the early-stage bucket", "all
     * buckets". A number outside 1–4 is kept ("bucket7"), so the calculator can refuse it by name.
     */
    public List<String> buckets(String text) {
        Set<String> found = new LinkedHashSet<>();
        if (ALL_BUCKETS.matcher(text).find()) {
            found.addAll(BUCKETS);
        }
        Matcher list = BUCKET_LIST.matcher(text);
        while (list.find()) {
            String spec = list.group(1);
            Matcher range = Pattern.compile("(\\d+)\\s*(?:-|through)\\s*(?:bucket\\s*)?(\\d+)").matcher(spec);
            if (range.matches()) {
                for (int i = Integer.parseInt(range.group(1)); i <= Integer.parseInt(range.group(2)) && i < 100; i++) {
                    found.add("bucket" + i);
                }
                continue;
            }
            Matcher n = Pattern.compile("\\d+").matcher(spec);
            while (n.find()) {
                found.add("bucket" + Integer.parseInt(n.group()));
            }
        }
        String rest = BUCKET_LIST.matcher(text).replaceAll(" ");
        for (Phrase<String> alias : bucketAliases) {
            Matcher m = alias.pattern().matcher(rest);
            if (m.find()) {
                found.add(alias.value());
                rest = rest.substring(0, m.start()) + " " + rest.substring(m.end());
            }
        }
        return List.copyOf(found);
    }

    /** The text without its bucket references, so "bucket 2" does not read as the number 2. */
    public String withoutBuckets(String text) {
        String rest = BUCKET_LIST.matcher(text).replaceAll(" ");
        rest = ALL_BUCKETS.matcher(rest).replaceAll(" ");
        for (Phrase<String> alias : bucketAliases) {
            rest = alias.pattern().matcher(rest).replaceAll(" ");
        }
        return rest;
    }

    static boolean has(String text, String phrase) {
        return word(phrase).matcher(text).find();
    }

    static Pattern word(String phrase) {
        return Pattern.compile("(?<![a-z0-9])" + Pattern.quote(phrase) + "(?![a-z0-9])");
    }

    private static <T> Optional<Found<T>> first(List<Phrase<T>> phrases, String text) {
        for (Phrase<T> phrase : phrases) {
            Matcher m = phrase.pattern().matcher(text);
            if (m.find()) {
                return Optional.of(new Found<>(phrase.value(), phrase.text(), m.start()));
            }
        }
        return Optional.empty();
    }

    private static <T> List<Phrase<T>> longestFirst(List<Phrase<T>> phrases) {
        List<Phrase<T>> sorted = new ArrayList<>(phrases);
        sorted.sort(Comparator.comparingInt((Phrase<T> p) -> p.text().length()).reversed());
        return List.copyOf(sorted);
    }

    private static String splitCamel(String key) {
        return key.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }
}
