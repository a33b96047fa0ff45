package dev.copilotsuite.copilot.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;

/** The copilot's engine built by hand, without Quarkus: the classpath corpus and alias table, a fixed date. */
final class Copilots {

    /** The date the sample data in shared/data assumes. */
    static final LocalDate SAMPLE_TODAY = LocalDate.parse("2026-11-23");

    static final EmbeddingModel MODEL = new AllMiniLmL6V2EmbeddingModel();
    static final PolicyCorpus CORPUS = new PolicyCorpus();
    static final Vocabulary VOCABULARY = new Vocabulary(CORPUS);
    /** The retrieval the service runs: all-MiniLM-L6-v2 and langchain4j's in-process store, filtered in the store. */
    static final EmbeddingClauseRetriever RETRIEVER = indexed(CORPUS);
    static final CallReader READER = new CallReader(VOCABULARY);

    private Copilots() {
    }

    static EmbeddingClauseRetriever indexed(PolicyCorpus corpus) {
        EmbeddingClauseRetriever retriever = new EmbeddingClauseRetriever(corpus, new InMemoryEmbeddingStore<>(),
                new ClauseEmbeddings(MODEL, "all-MiniLM-L6-v2", EmbeddingCache.inMemory()));
        retriever.indexAll();
        return retriever;
    }

    static SuggestionEngine engine(LocalDate today) {
        return new SuggestionEngine(READER, new CoverageDecider(RETRIEVER, VOCABULARY), RETRIEVER,
                Clock.fixed(today.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC));
    }
}
