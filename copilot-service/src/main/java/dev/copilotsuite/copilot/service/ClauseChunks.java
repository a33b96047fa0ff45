package dev.copilotsuite.copilot.service;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.filter.Filter;
import dev.langchain4j.store.embedding.filter.comparison.ContainsString;
import dev.langchain4j.store.embedding.filter.comparison.IsEqualTo;

/**
 * How a clause is kept in an embedding store: one chunk per clause (a section kind plus an item), its
 * paragraph as the text and its document's metadata alongside, and the filters that select chunks in
 * the store itself.
 *
 * <p>Store metadata holds scalars only, so a document's code lists are kept as one string delimited on
 * both sides ({@code ",PLUS,PREMIER,"}): "the contract's plan is among the document's plans, or the
 * document says ALL" is then two substring tests every store (in-process or Milvus {@code like}) can run.
 */
public final class ClauseChunks {

    public static final String DOC_ID = "docId";
    public static final String TITLE = "title";
    public static final String PLANS = "plans";
    public static final String CONTRACT_TYPES = "contractTypes";
    public static final String STATES = "states";
    public static final String SECTION = "section";
    public static final String ITEM = "item";
    /** The item lower-cased: headings are matched without regard to case. */
    public static final String ITEM_KEY = "itemKey";

    private ClauseChunks() {
    }

    /** The chunk's id: the same clause always gets the same id, so a store can replace it in place. */
    public static String id(Clause clause) {
        return UUID.nameUUIDFromBytes((clause.docId() + "\n" + clause.section().name() + "\n" + key(clause.item()))
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static TextSegment segment(Clause clause) {
        Metadata metadata = new Metadata()
                .put(DOC_ID, clause.docId())
                .put(TITLE, clause.title())
                .put(PLANS, codes(clause.plans()))
                .put(CONTRACT_TYPES, codes(clause.contractTypes()))
                .put(STATES, codes(clause.states()))
                .put(SECTION, clause.section().name())
                .put(ITEM, clause.item())
                .put(ITEM_KEY, key(clause.item()));
        return TextSegment.from(clause.text(), metadata);
    }

    /** What is embedded for a clause: its heading path gives the paragraph the words it is about. */
    public static String embeddedText(Clause clause) {
        return clause.section().heading() + ": " + clause.item() + ". " + clause.text();
    }

    public static Clause clause(TextSegment segment) {
        Metadata metadata = segment.metadata();
        return new Clause(metadata.getString(DOC_ID), metadata.getString(TITLE), list(metadata.getString(PLANS)),
                list(metadata.getString(CONTRACT_TYPES)), list(metadata.getString(STATES)),
                SectionKind.valueOf(metadata.getString(SECTION)), metadata.getString(ITEM), segment.text());
    }

    /** The chunks of the documents that apply to the contract; null (no filter) for {@link ContractScope#ANY}. */
    public static Filter applyingTo(ContractScope scope) {
        if (scope.any()) {
            return null;
        }
        return holds(PLANS, scope.plan()).and(holds(CONTRACT_TYPES, scope.contractType()))
                .and(holds(STATES, scope.state()));
    }

    public static Filter ofDocument(String docId) {
        return new IsEqualTo(DOC_ID, docId);
    }

    public static Filter headed(String item) {
        return new IsEqualTo(ITEM_KEY, key(item));
    }

    public static Filter inSection(SectionKind kind) {
        return new IsEqualTo(SECTION, kind.name());
    }

    /** Both filters, either of which may be null (no filter). */
    public static Filter and(Filter left, Filter right) {
        return left == null ? right : right == null ? left : left.and(right);
    }

    private static Filter holds(String key, String value) {
        Filter all = new ContainsString(key, delimited(Clause.ALL));
        return value == null ? all : all.or(new ContainsString(key, delimited(value)));
    }

    private static String codes(List<String> codes) {
        return "," + String.join(",", codes) + ",";
    }

    private static String delimited(String code) {
        return "," + code + ",";
    }

    private static List<String> list(String codes) {
        return Arrays.stream(codes.split(",")).filter(code -> !code.isEmpty()).toList();
    }

    private static String key(String item) {
        return item.toLowerCase(Locale.ROOT);
    }
}
