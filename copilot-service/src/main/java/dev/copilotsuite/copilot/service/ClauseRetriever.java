package dev.copilotsuite.copilot.service;

import java.util.List;

/**
 * Finds the policy clauses a question rests on, among the documents that apply to the contract (each
 * of the document's plans, contractTypes and states holds the contract's value or ALL). Both answers
 * are ordered by precedence, the prevailing document first.
 *
 * <p>This is the seam retrieval sits behind: {@link StructuredClauseRetriever} reads the corpus's own
 * structure (headings and the words of the text); an embedding store filtered on the same metadata
 * can take its place.
 */
public interface ClauseRetriever {

    /** The clauses headed {@code item} (any section) in the documents that apply. */
    List<Clause> headed(String item, ContractScope scope);

    /** The clauses whose text names {@code words} in the documents that apply. */
    List<Clause> naming(String words, ContractScope scope);

    /** The clauses of one section kind in the documents that apply. */
    List<Clause> section(SectionKind kind, ContractScope scope);
}
