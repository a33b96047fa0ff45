package dev.copilotsuite.copilot.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;

/** Retrieval through the in-process embedding store: the same clauses as the corpus's structure gives, filtered in the store. */
class EmbeddingClauseRetrieverTest {

    @Test
    void everyHeadingAndSectionUnderEveryContractGivesWhatTheStructureGives() {
        ClauseRetriever structured = new StructuredClauseRetriever(Copilots.CORPUS);
        Set<String> items = new LinkedHashSet<>();
        Copilots.CORPUS.clauses().forEach(clause -> items.add(clause.item()));
        List<ContractScope> scopes = new ArrayList<>(List.of(ContractScope.ANY));
        for (String plan : List.of("ESSENTIAL", "PLUS", "PREMIER")) {
            for (String state : List.of("CA", "TX", "FL", "AZ", "NY", "WA")) {
                scopes.add(new ContractScope(plan, "HOMEOWNER", state, null));
                scopes.add(new ContractScope(plan, "REAL_ESTATE", state, "SELLER"));
            }
        }
        scopes.add(new ContractScope("PLUS", null, null, null));
        for (ContractScope scope : scopes) {
            for (String item : items) {
                assertEquals(keys(structured.headed(item, scope)), keys(Copilots.RETRIEVER.headed(item, scope)),
                        item + " under " + scope);
            }
            for (SectionKind kind : SectionKind.values()) {
                assertEquals(keys(structured.section(kind, scope)), keys(Copilots.RETRIEVER.section(kind, scope)),
                        kind + " under " + scope);
            }
            assertEquals(keys(structured.naming("ice maker", scope)), keys(Copilots.RETRIEVER.naming("ice maker", scope)));
        }
    }

    @Test
    void aRestartWithTheCacheEmbedsNothingAgainAndAChangedClauseOnlyIsEmbedded() {
        EmbeddingCache cache = EmbeddingCache.inMemory();
        PolicyCorpus corpus = new PolicyCorpus();
        ClauseEmbeddings first = new ClauseEmbeddings(Copilots.MODEL, "all-MiniLM-L6-v2", cache);
        new EmbeddingClauseRetriever(corpus, new InMemoryEmbeddingStore<>(), first).indexAll();
        assertEquals(corpus.clauses().stream().map(ClauseChunks::embeddedText).distinct().count(), first.computed());

        ClauseEmbeddings restarted = new ClauseEmbeddings(Copilots.MODEL, "all-MiniLM-L6-v2", cache);
        EmbeddingClauseRetriever retriever = new EmbeddingClauseRetriever(corpus, new InMemoryEmbeddingStore<>(), restarted);
        retriever.indexAll();
        assertEquals(0, restarted.computed());

        String tx = String.join("\n", "---", "docId: state-tx", "title: Texas addendum", "plans: [ALL]",
                "contractTypes: [ALL]", "states: [TX]", "---", "# Texas addendum", "## Covered",
                "### Well pump", "Well pumps are covered up to $1,000 on every plan in Texas.");
        // Asked before the document changes, so a remembered answer would be stale after it.
        ContractScope texas = new ContractScope("PLUS", "HOMEOWNER", "TX", null);
        assertTrue(retriever.headed("Well pump", texas).stream().noneMatch(clause -> clause.docId().equals("state-tx")));
        assertTrue(retriever.section(SectionKind.COVERED, texas).stream()
                .anyMatch(clause -> clause.docId().equals("state-tx") && !clause.item().equals("Well pump")));
        long queries = restarted.computed();
        corpus.ingest("state-tx", tx);
        retriever.index("state-tx");
        assertEquals(1, restarted.computed() - queries);
        assertEquals(List.of("state-tx"), retriever.headed("Well pump", new ContractScope("PLUS", "HOMEOWNER", "TX", null))
                .stream().map(Clause::docId).filter("state-tx"::equals).toList());
        // The Texas addendum's other clauses are gone from the store, not only from the corpus.
        assertTrue(retriever.section(SectionKind.COVERED, new ContractScope("PLUS", "HOMEOWNER", "TX", null)).stream()
                .filter(clause -> clause.docId().equals("state-tx")).allMatch(clause -> clause.item().equals("Well pump")));
    }

    @Test
    void similarFindsTheItemOfAQuestionWordedAwayFromTheAliasesWithinTheContract() {
        ContractScope essential = new ContractScope("ESSENTIAL", "HOMEOWNER", "CA", null);
        List<EmbeddingClauseRetriever.Scored> found = Copilots.RETRIEVER.similar("water is pooling under my water heater tank",
                essential, List.of(SectionKind.COVERED, SectionKind.NOT_COVERED), 3, 0.0);
        assertFalse(found.isEmpty());
        assertTrue(found.get(0).clause().item().toLowerCase().contains("water heater"), found.toString());
        assertTrue(found.stream().allMatch(scored -> scored.clause().appliesTo(essential)));
    }

    private static List<String> keys(List<Clause> clauses) {
        return clauses.stream().map(clause -> clause.docId() + "/" + clause.section() + "/" + clause.item()).toList();
    }
}
