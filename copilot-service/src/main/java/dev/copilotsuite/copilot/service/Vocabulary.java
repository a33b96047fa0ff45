package dev.copilotsuite.copilot.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The words the copilot reads a call with: the alias table of {@code corpus-aliases.yaml} (everyday
 * words for the corpus's item names) and the cues of {@code call-cues.yaml} (claims, breakdowns,
 * hypotheticals, injected instructions). Every name the alias table uses is checked against the corpus
 * at start, so a renamed heading fails fast instead of silently losing its aliases.
 */
@Singleton
public class Vocabulary {

    /** What an alias names. */
    public enum Kind {
        /** A thing or service: a card of its own. */
        ITEM,
        /** Why an item failed: folded into the question about that item. */
        CAUSE,
        /** A part of one item its clauses name. */
        PART,
        /** A part of any item that one exclusion clause names. */
        EXCLUSION_PART,
        /** A term of the contract. */
        TERM
    }

    /**
     * One alias.
     *
     * @param name     the corpus item (or, for an exclusion part, the exclusion clause's item)
     * @param part     the part as the clause words it, for parts
     * @param withItem the part counts only when its item is named in the same line
     */
    public record Alias(Kind kind, String name, String part, boolean withItem, Pattern pattern) {
    }

    private final List<Alias> aliases = new ArrayList<>();
    private final List<Pattern> ignored;
    private final Set<String> itemTerms;
    private final Map<String, List<String>> refines;
    private final Map<String, List<String>> families;
    private final Map<String, List<Pattern>> cues = new LinkedHashMap<>();
    private final PatternIndex<Alias> aliasIndex;
    private final Map<String, PatternIndex<Pattern>> cueIndexes = new LinkedHashMap<>();

    public Vocabulary(PolicyCorpus corpus) {
        Map<String, Object> table = yaml("corpus-aliases.yaml");
        Set<String> headings = corpus.clauses().stream().map(clause -> clause.item().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        names(table, "items").forEach((item, words) -> add(Kind.ITEM, checked(headings, item), null, false, words));
        names(table, "causes").forEach((cause, words) -> add(Kind.CAUSE, checked(headings, cause), null, false, words));
        names(table, "terms").forEach((term, words) -> add(Kind.TERM, checked(headings, term), null, false, words));
        ignored = patterns(list(table.get("ignore")));
        itemTerms = list(table.get("itemTerms")).stream().map(term -> checked(headings, term)).collect(Collectors.toSet());
        refines = relation(table, "refines", headings);
        families = relation(table, "families", headings);
        parts(table, "parts", Kind.PART, headings, corpus);
        parts(table, "exclusionParts", Kind.EXCLUSION_PART, headings, corpus);
        yaml("call-cues.yaml").forEach((cue, words) -> cues.put(cue, patterns(list(words))));
        aliasIndex = new PatternIndex<>(aliases, Alias::pattern);
        cues.forEach((cue, patterns) -> cueIndexes.put(cue, new PatternIndex<>(patterns, pattern -> pattern)));
    }

    public List<Alias> aliases() {
        return aliases;
    }

    /** The aliases that may match in {@code text}: every one that does, in {@link #aliases()}' order, and few others. */
    public List<Alias> candidates(String text) {
        return aliasIndex.candidates(text);
    }

    public List<Pattern> ignored() {
        return ignored;
    }

    public boolean isItemTerm(String term) {
        return itemTerms.contains(term);
    }

    /** The broader items {@code item} absorbs. */
    public List<String> refined(String item) {
        return refines.getOrDefault(item, List.of());
    }

    /** The narrower items some plans split {@code item} into. */
    public List<String> family(String item) {
        return families.getOrDefault(item, List.of());
    }

    /** The patterns of one cue of call-cues.yaml: claim, claimReference, problem, hypothetical, injection, replacement. */
    public List<Pattern> cue(String name) {
        List<Pattern> patterns = cues.get(name);
        if (patterns == null) {
            throw new IllegalArgumentException("call-cues.yaml has no cue " + name);
        }
        return patterns;
    }

    /** The patterns of one cue that may match in {@code text}: every one that does, in {@link #cue(String)}'s order. */
    public List<Pattern> cue(String name, String text) {
        cue(name);
        return cueIndexes.get(name).candidates(text);
    }

    /** An alias or cue as a pattern: case-insensitive, on word boundaries, with an optional plural ending. */
    static Pattern pattern(String regex) {
        try {
            return Pattern.compile("(?<![\\w])(?:" + regex + ")(?:s|es)?(?![\\w])", Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            throw new IllegalStateException("the alias or cue '" + regex + "' is not a valid regular expression", e);
        }
    }

    private void add(Kind kind, String name, String part, boolean withItem, List<String> words) {
        for (String word : words) {
            aliases.add(new Alias(kind, name, part, withItem, pattern(word)));
        }
    }

    private void parts(Map<String, Object> table, String key, Kind kind, Set<String> headings, PolicyCorpus corpus) {
        Map<String, Object> owners = map(table.get(key), key);
        owners.forEach((owner, value) -> {
            String name = checked(headings, owner);
            map(value, key + "." + owner).forEach((part, spec) -> {
                boolean named = corpus.clauses().stream()
                        .filter(clause -> clause.isItem(name) || family(name).stream().anyMatch(clause::isItem))
                        .anyMatch(clause -> ClauseText.names(clause, part));
                if (!named) {
                    throw new IllegalStateException("corpus-aliases.yaml: no clause of " + name + " names the part '" + part + "'");
                }
                if (spec instanceof Map<?, ?> detail) {
                    add(kind, name, part, Boolean.TRUE.equals(detail.get("withItem")), list(detail.get("say")));
                } else {
                    add(kind, name, part, false, list(spec));
                }
            });
        });
    }

    private Map<String, List<String>> relation(Map<String, Object> table, String key, Set<String> headings) {
        Map<String, List<String>> relation = new LinkedHashMap<>();
        map(table.get(key), key).forEach((name, values) -> relation.put(checked(headings, name),
                list(values).stream().map(value -> checked(headings, value)).toList()));
        return relation;
    }

    private static Map<String, List<String>> names(Map<String, Object> table, String key) {
        Map<String, List<String>> names = new LinkedHashMap<>();
        map(table.get(key), key).forEach((name, words) -> names.put(name, list(words)));
        return names;
    }

    private static String checked(Set<String> headings, String name) {
        if (!headings.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalStateException("corpus-aliases.yaml names '" + name + "', which no corpus clause is headed: "
                    + new TreeSet<>(headings));
        }
        return name;
    }

    private static List<Pattern> patterns(List<String> regexes) {
        return regexes.stream().map(Vocabulary::pattern).toList();
    }

    private static Map<String, Object> map(Object value, String key) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalStateException("corpus-aliases.yaml: " + key + " is not a mapping");
        }
        Map<String, Object> named = new LinkedHashMap<>();
        map.forEach((name, inner) -> named.put(String.valueOf(name), inner));
        return named;
    }

    private static List<String> list(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new IllegalStateException("expected a list of words but found " + value);
        }
        return list.stream().map(String::valueOf).toList();
    }

    private static Map<String, Object> yaml(String resource) {
        try (InputStream in = Vocabulary.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no classpath resource " + resource);
            }
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
