package dev.copilotsuite.copilot.service;

import java.util.Comparator;
import java.util.List;

/**
 * Retrieval by the corpus's structure alone: a clause is found by its heading, or by the words of its
 * text. The reference {@link EmbeddingClauseRetriever} is held to (same clauses, same order), and the
 * engine's retrieval in plain unit tests.
 */
public class StructuredClauseRetriever implements ClauseRetriever {

    private static final Comparator<Clause> PRECEDENCE = Comparator.comparingInt(Clause::precedence);

    private final PolicyCorpus corpus;

    public StructuredClauseRetriever(PolicyCorpus corpus) {
        this.corpus = corpus;
    }

    @Override
    public List<Clause> headed(String item, ContractScope scope) {
        return corpus.clauses().stream().filter(clause -> clause.isItem(item) && clause.appliesTo(scope))
                .sorted(PRECEDENCE).toList();
    }

    @Override
    public List<Clause> naming(String words, ContractScope scope) {
        return corpus.clauses().stream().filter(clause -> clause.appliesTo(scope) && ClauseText.names(clause, words))
                .sorted(PRECEDENCE).toList();
    }

    @Override
    public List<Clause> section(SectionKind kind, ContractScope scope) {
        return corpus.clauses().stream().filter(clause -> clause.section() == kind && clause.appliesTo(scope))
                .sorted(PRECEDENCE).toList();
    }
}
