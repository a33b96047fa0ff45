package dev.copilotsuite.copilot.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The policy documents the copilot answers from, chunked one clause per {@code ###} item. Loads the
 * documents shipped under {@code corpus/} at start; {@link #ingest} adds or replaces one more.
 *
 * <p>A document is YAML front matter (docId, title, plans, contractTypes, states), one {@code #} title
 * with an intro paragraph, then {@code ## <section kind>} headings, each with {@code ### <item>}
 * headings followed by one paragraph.
 */
@Singleton
public class PolicyCorpus {

    private static final Logger LOG = Logger.getLogger(PolicyCorpus.class);
    private static final String FOLDER = "corpus/";
    private static final String FENCE = "---";

    /** Clauses by docId, in document order; replaced whole, so readers never see half a document. */
    private volatile Map<String, List<Clause>> documents = Map.of();

    public PolicyCorpus() {
        for (String file : resource(FOLDER + "index.txt").lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList()) {
            List<Clause> clauses = parse(file, resource(FOLDER + file));
            put(clauses.get(0).docId(), clauses, file);
        }
        LOG.infof("policy corpus: %d documents, %d clauses", documents.size(), clauses().size());
    }

    /**
     * Adds the document, or replaces every clause of the document with that docId.
     *
     * @throws CorpusFormatException when the text is not in the corpus format or declares another docId
     */
    public synchronized void ingest(String docId, String markdown) {
        List<Clause> clauses = parse(docId, markdown);
        if (!clauses.get(0).docId().equals(docId)) {
            throw new CorpusFormatException(docId, "its front matter declares docId " + clauses.get(0).docId());
        }
        put(docId, clauses, docId);
    }

    /** Puts back a document's clauses as they were (none: the document goes); for an ingestion that failed half-way. */
    synchronized void restore(String docId, List<Clause> clauses) {
        Map<String, List<Clause>> next = new LinkedHashMap<>(documents);
        if (clauses.isEmpty()) {
            next.remove(docId);
        } else {
            next.put(docId, List.copyOf(clauses));
        }
        documents = Collections.unmodifiableMap(next);
    }

    public List<Clause> clauses() {
        return documents.values().stream().flatMap(Collection::stream).toList();
    }

    /** The documents' ids, shipped ones first, then in the order they were ingested. */
    public List<String> documentIds() {
        return List.copyOf(documents.keySet());
    }

    public List<Clause> document(String docId) {
        return documents.getOrDefault(docId, List.of());
    }

    private synchronized void put(String docId, List<Clause> clauses, String source) {
        Map<String, List<Clause>> next = new LinkedHashMap<>(documents);
        if (next.containsKey(docId) && !docId.equals(source)) {
            throw new CorpusFormatException(source, "docId " + docId + " is already taken by another document");
        }
        next.put(docId, List.copyOf(clauses));
        documents = Collections.unmodifiableMap(next);
    }

    /** The clauses of one document; {@code source} names it in every refusal. */
    static List<Clause> parse(String source, String markdown) {
        List<String> lines = (markdown == null ? "" : markdown.replace("\r\n", "\n").strip()).lines().toList();
        if (lines.isEmpty() || !lines.get(0).strip().equals(FENCE)) {
            throw new CorpusFormatException(source, "has no YAML front matter (a first line '---')");
        }
        int end = 1;
        while (end < lines.size() && !lines.get(end).strip().equals(FENCE)) {
            end++;
        }
        if (end == lines.size()) {
            throw new CorpusFormatException(source, "its front matter is not closed by a line '---'");
        }
        Map<String, Object> front = frontMatter(source, String.join("\n", lines.subList(1, end)));
        String docId = text(front.get("docId"));
        if (docId == null) {
            throw new CorpusFormatException(source, "its front matter has no docId");
        }
        List<String> plans = codes(source, front, "plans");
        List<String> contractTypes = codes(source, front, "contractTypes");
        List<String> states = codes(source, front, "states");
        String title = text(front.get("title"));

        List<Clause> clauses = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        SectionKind section = null;
        String item = null;
        StringBuilder paragraph = new StringBuilder();
        for (String raw : lines.subList(end + 1, lines.size())) {
            String line = raw.strip();
            if (line.startsWith("#")) {
                addClause(source, docId, title, plans, contractTypes, states, section, item, paragraph, clauses, seen);
                item = null;
                paragraph.setLength(0);
                if (line.startsWith("### ")) {
                    if (section == null) {
                        throw new CorpusFormatException(source, "item '" + line.substring(4).strip() + "' comes before any section");
                    }
                    item = line.substring(4).strip();
                } else if (line.startsWith("## ")) {
                    String heading = line.substring(3).strip();
                    section = SectionKind.ofHeading(heading).orElseThrow(() -> new CorpusFormatException(source,
                            "unknown section kind '" + heading + "' (expected one of Covered, Not covered, Limits, "
                                    + "Conditions, Claims process, Definitions)"));
                } else if (line.startsWith("# ")) {
                    title = title != null ? title : line.substring(2).strip();
                } else {
                    throw new CorpusFormatException(source, "heading '" + line + "' is not a #, ## or ### heading");
                }
            } else if (item != null && !line.isEmpty()) {
                paragraph.append(paragraph.isEmpty() ? "" : " ").append(line);
            }
        }
        addClause(source, docId, title, plans, contractTypes, states, section, item, paragraph, clauses, seen);
        if (clauses.isEmpty()) {
            throw new CorpusFormatException(source, "has no clauses (### items under ## sections)");
        }
        return clauses;
    }

    private static void addClause(String source, String docId, String title, List<String> plans,
            List<String> contractTypes, List<String> states, SectionKind section, String item, StringBuilder paragraph,
            List<Clause> clauses, Set<String> seen) {
        if (item == null) {
            return;
        }
        if (paragraph.isEmpty()) {
            throw new CorpusFormatException(source, "item '" + item + "' under " + section.heading() + " has no text");
        }
        if (!seen.add(section + "/" + item.toLowerCase())) {
            throw new CorpusFormatException(source, "item '" + item + "' appears twice under " + section.heading());
        }
        clauses.add(new Clause(docId, title == null ? docId : title, plans, contractTypes, states, section, item,
                paragraph.toString()));
    }

    private static Map<String, Object> frontMatter(String source, String yaml) {
        Object loaded;
        try {
            loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            throw new CorpusFormatException(source, "its front matter is not valid YAML: " + e.getMessage());
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new CorpusFormatException(source, "its front matter is not a YAML mapping");
        }
        Map<String, Object> front = new LinkedHashMap<>();
        map.forEach((key, value) -> front.put(String.valueOf(key), value));
        return front;
    }

    private static List<String> codes(String source, Map<String, Object> front, String key) {
        Object value = front.get(key);
        List<String> codes = value instanceof List<?> list ? list.stream().map(PolicyCorpus::text).toList()
                : value == null ? List.of() : List.of(String.valueOf(value));
        if (codes.isEmpty() || codes.contains(null)) {
            throw new CorpusFormatException(source, "its front matter has no " + key + " (a list of codes, or [ALL])");
        }
        return codes.stream().map(code -> code.toUpperCase(Locale.ROOT)).toList();
    }

    private static String text(Object value) {
        return value == null || String.valueOf(value).isBlank() ? null : String.valueOf(value).strip();
    }

    private static String resource(String path) {
        try (InputStream in = PolicyCorpus.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no classpath resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath resource " + path, e);
        }
    }
}
