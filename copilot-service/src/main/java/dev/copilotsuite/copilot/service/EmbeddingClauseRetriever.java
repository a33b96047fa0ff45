package dev.copilotsuite.copilot.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.logging.Logger;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.langchain4j.store.embedding.filter.Filter;

/**
 * Retrieval through an embedding store (langchain4j's {@link EmbeddingStore}: in-process, or Milvus).
 * The corpus is chunked one clause per chunk ({@link ClauseChunks}); every lookup is a store search whose
 * metadata filter selects the documents that apply to the contract, in the store itself.
 *
 * <p>The decider asks precise questions (the clauses headed "Dishwasher", the Limits section), so those
 * searches filter on the heading or section as well and return every match; the ranking only matters
 * for {@link #similar}, which finds what a question the alias table cannot read is about. Answers are
 * ordered by precedence, then by the documents' own order, exactly as the corpus lists them.
 */
public class EmbeddingClauseRetriever implements ClauseRetriever {

    private static final Logger LOG = Logger.getLogger(EmbeddingClauseRetriever.class);
    private static final int MAX_ANSWERS = 20_000;

    private final PolicyCorpus corpus;
    private final EmbeddingStore<TextSegment> store;
    private final ClauseEmbeddings embeddings;
    /** Item headings, section names and phrases the decider asks about: a finite set, embedded once each. */
    private final Map<String, Embedding> queries = new ConcurrentHashMap<>();
    /** Each chunk id's place in the corpus, for a stable order among clauses of equal precedence. */
    private volatile Map<String, Integer> order = Map.of();
    /**
     * The answers of {@link #headed}, {@link #naming} and {@link #section} since the store last changed.
     * They depend only on the question and the contract, which repeat call after call, and answering one
     * scans every chunk of the store, so each is asked of the store once; {@link #index} starts a new map
     * once the store holds the new chunks (a search still running keeps filling the old one).
     */
    private volatile Map<Lookup, List<Clause>> answers = new ConcurrentHashMap<>();

    public EmbeddingClauseRetriever(PolicyCorpus corpus, EmbeddingStore<TextSegment> store, ClauseEmbeddings embeddings) {
        this.corpus = corpus;
        this.store = store;
        this.embeddings = embeddings;
    }

    /** Puts every document of the corpus in the store (cached embeddings are reused). */
    public void indexAll() {
        long before = embeddings.computed();
        for (String docId : corpus.documentIds()) {
            index(docId);
        }
        LOG.infof("retrieval index: %d documents, %d chunks (%d embedded now, the rest from the cache)",
                corpus.documentIds().size(), corpus.clauses().size(), embeddings.computed() - before);
    }

    /** Replaces the chunks of one document with its clauses as the corpus now holds them. */
    public synchronized void index(String docId) {
        List<Clause> clauses = corpus.document(docId);
        store.removeAll(ClauseChunks.ofDocument(docId));
        if (!clauses.isEmpty()) {
            List<Embedding> vectors = embeddings.embedAll(clauses.stream().map(ClauseChunks::embeddedText).toList());
            store.addAll(clauses.stream().map(ClauseChunks::id).toList(), vectors,
                    clauses.stream().map(ClauseChunks::segment).toList());
        }
        Map<String, Integer> next = new HashMap<>();
        List<Clause> all = corpus.clauses();
        for (int i = 0; i < all.size(); i++) {
            next.put(ClauseChunks.id(all.get(i)), i);
        }
        order = next;
        answers = new ConcurrentHashMap<>();
    }

    @Override
    public List<Clause> headed(String item, ContractScope scope) {
        return answer(new Lookup(Lookup.HEADED, item, scope), lookup -> ordered(search(query(item),
                ClauseChunks.and(ClauseChunks.headed(item), ClauseChunks.applyingTo(scope)), everything(), 0.0)));
    }

    @Override
    public List<Clause> naming(String words, ContractScope scope) {
        // The store narrows to the documents that apply; whether a statement names the words is a phrase match.
        return answer(new Lookup(Lookup.NAMING, words, scope), lookup -> ordered(
                search(query(words), ClauseChunks.applyingTo(scope), everything(), 0.0).stream()
                        .filter(clause -> ClauseText.names(clause, words)).toList()));
    }

    @Override
    public List<Clause> section(SectionKind kind, ContractScope scope) {
        return answer(new Lookup(Lookup.SECTION, kind.name(), scope), lookup -> ordered(search(
                query(kind.heading()), ClauseChunks.and(ClauseChunks.inSection(kind), ClauseChunks.applyingTo(scope)),
                everything(), 0.0)));
    }

    /**
     * The remembered answer, else the store's. The words come from the alias table, but the contract from
     * the call's payload, so the map is bounded: past {@link #MAX_ANSWERS} it starts again.
     */
    private List<Clause> answer(Lookup lookup, java.util.function.Function<Lookup, List<Clause>> ask) {
        Map<Lookup, List<Clause>> remembered = answers;
        List<Clause> found = remembered.get(lookup);
        if (found != null) {
            return found;
        }
        found = ask.apply(lookup);
        if (remembered.size() >= MAX_ANSWERS) {
            remembered.clear();
        }
        remembered.put(lookup, found);
        return found;
    }

    /** One question asked of the store: which kind, its words (an item, words, a section kind), the contract. */
    private record Lookup(int kind, String words, ContractScope scope) {
        static final int HEADED = 0;
        static final int NAMING = 1;
        static final int SECTION = 2;
    }

    /**
     * The clauses of the given section kinds most similar in meaning to what the caller said, best first,
     * among the documents that apply; only those scoring at least {@code minScore} (0..1).
     */
    public List<Scored> similar(String said, ContractScope scope, List<SectionKind> kinds, int max, double minScore) {
        Filter sections = null;
        for (SectionKind kind : kinds) {
            sections = sections == null ? ClauseChunks.inSection(kind) : sections.or(ClauseChunks.inSection(kind));
        }
        EmbeddingSearchRequest request = EmbeddingSearchRequest.builder().queryEmbedding(embeddings.embed(said))
                .filter(ClauseChunks.and(sections, ClauseChunks.applyingTo(scope))).maxResults(max).minScore(minScore)
                .build();
        return store.search(request).matches().stream()
                .map(match -> new Scored(ClauseChunks.clause(match.embedded()), match.score())).toList();
    }

    /** A clause and how close it came (0..1). */
    public record Scored(Clause clause, double score) {
    }

    private List<Clause> search(Embedding query, Filter filter, int max, double minScore) {
        EmbeddingSearchRequest request = EmbeddingSearchRequest.builder().queryEmbedding(query).filter(filter)
                .maxResults(max).minScore(minScore).build();
        List<Clause> found = new ArrayList<>();
        for (EmbeddingMatch<TextSegment> match : store.search(request).matches()) {
            found.add(ClauseChunks.clause(match.embedded()));
        }
        return found;
    }

    private Embedding query(String text) {
        return queries.computeIfAbsent(text, embeddings::embed);
    }

    private int everything() {
        return Math.max(1, corpus.clauses().size());
    }

    private List<Clause> ordered(List<Clause> clauses) {
        Map<String, Integer> places = order;
        return clauses.stream().sorted(Comparator.comparingInt(Clause::precedence)
                .thenComparingInt(clause -> places.getOrDefault(ClauseChunks.id(clause), Integer.MAX_VALUE))).toList();
    }
}
