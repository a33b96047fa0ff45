package dev.copilotsuite.copilot.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.copilotsuite.copilot.service.Clause;
import dev.copilotsuite.copilot.service.ClauseEmbeddings;
import dev.copilotsuite.copilot.service.ClauseRetriever;
import dev.copilotsuite.copilot.service.ContractScope;
import dev.copilotsuite.copilot.service.EmbeddingCache;
import dev.copilotsuite.copilot.service.EmbeddingClauseRetriever;
import dev.copilotsuite.copilot.service.PolicyCorpus;
import dev.copilotsuite.copilot.service.SectionKind;
import dev.copilotsuite.copilot.service.StructuredClauseRetriever;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.store.embedding.filter.comparison.IsGreaterThan;
import io.milvus.v2.client.ConnectConfig;
import io.milvus.v2.client.MilvusClientV2;

/** The Milvus adapter, through the real milvus-sdk-java client, against a gRPC server speaking Milvus's RPCs. */
class MilvusEmbeddingStoreTest {

    private static final EmbeddingModel MODEL = new AllMiniLmL6V2EmbeddingModel();

    private FakeMilvusServer server;
    private MilvusClientV2 client;

    @BeforeEach
    void start() throws Exception {
        server = new FakeMilvusServer();
        client = new MilvusClientV2(ConnectConfig.builder().uri(server.uri()).build());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void createsTheCollectionOnceWithACosineIndexAndLoadsIt() {
        new MilvusEmbeddingStore(client, "policy_clauses", MODEL.dimension());
        assertTrue(server.calls.containsAll(List.of("Connect", "HasCollection", "CreateCollection", "CreateIndex",
                "LoadCollection")), server.calls.toString());
        assertEquals(List.of("id", "vector", "text", "metadata"),
                server.collections.get("policy_clauses").getFieldsList().stream().map(field -> field.getName()).toList());

        server.calls.clear();
        new MilvusEmbeddingStore(client, "policy_clauses", MODEL.dimension());
        assertTrue(server.calls.contains("HasCollection"));
        assertFalse(server.calls.contains("CreateCollection"));
    }

    @Test
    void retrievesWhatTheCorpusStructureGivesWithTheFiltersAppliedInMilvus() {
        PolicyCorpus corpus = new PolicyCorpus();
        EmbeddingClauseRetriever milvus = new EmbeddingClauseRetriever(corpus,
                new MilvusEmbeddingStore(client, "policy_clauses", MODEL.dimension()),
                new ClauseEmbeddings(MODEL, "all-MiniLM-L6-v2", EmbeddingCache.inMemory()));
        milvus.indexAll();
        assertEquals(corpus.clauses().size(), server.rows.size());

        ClauseRetriever structured = new StructuredClauseRetriever(corpus);
        for (ContractScope scope : List.of(new ContractScope("ESSENTIAL", "HOMEOWNER", "TX", null),
                new ContractScope("PREMIER", "REAL_ESTATE", "FL", "SELLER"), ContractScope.ANY)) {
            for (String item : List.of("Dishwasher", "Service fee", "Waiting period", "Roof leak repair")) {
                assertEquals(keys(structured.headed(item, scope)), keys(milvus.headed(item, scope)), item + " under " + scope);
            }
            assertEquals(keys(structured.section(SectionKind.LIMITS, scope)), keys(milvus.section(SectionKind.LIMITS, scope)));
            assertEquals(keys(structured.naming("refrigerator", scope)), keys(milvus.naming("refrigerator", scope)));
        }
        // The filtering happened in the server: the expressions it evaluated name the metadata and the codes.
        assertTrue(server.expressions.stream().anyMatch(expression -> expression.contains("metadata[\"plans\"] like \"%,ESSENTIAL,%\"")
                && expression.contains("metadata[\"states\"] like \"%,ALL,%\"")), server.expressions.toString());
    }

    @Test
    void ingestingADocumentAgainReplacesItsRowsInMilvus() {
        PolicyCorpus corpus = new PolicyCorpus();
        EmbeddingClauseRetriever milvus = new EmbeddingClauseRetriever(corpus,
                new MilvusEmbeddingStore(client, "policy_clauses", MODEL.dimension()),
                new ClauseEmbeddings(MODEL, "all-MiniLM-L6-v2", EmbeddingCache.inMemory()));
        milvus.indexAll();
        int before = server.rows.size();

        corpus.ingest("state-nv", """
                ---
                docId: state-nv
                title: Nevada addendum
                plans: [ALL]
                contractTypes: [ALL]
                states: [NV]
                ---
                # Nevada addendum
                ## Covered
                ### Evaporative cooler
                Evaporative (swamp) coolers are covered up to $900 per contract term.
                ### Solar water heater
                Solar water heaters are covered for the storage tank only.
                """);
        milvus.index("state-nv");
        assertEquals(before + 2, server.rows.size());

        corpus.ingest("state-nv", """
                ---
                docId: state-nv
                title: Nevada addendum
                plans: [ALL]
                contractTypes: [ALL]
                states: [NV]
                ---
                # Nevada addendum
                ## Covered
                ### Evaporative cooler
                Evaporative (swamp) coolers are covered up to $1,200 per contract term.
                """);
        milvus.index("state-nv");
        assertEquals(before + 1, server.rows.size());
        List<Clause> cooler = milvus.headed("evaporative cooler", new ContractScope("PLUS", "HOMEOWNER", "NV", null));
        // The addendum prevails over the General Terms clause of the same heading, and only in Nevada.
        assertEquals(List.of("state-nv", "general-terms"), cooler.stream().map(Clause::docId).toList());
        assertTrue(cooler.get(0).text().contains("$1,200"));
        assertEquals(List.of("general-terms"), milvus.headed("evaporative cooler",
                new ContractScope("PLUS", "HOMEOWNER", "TX", null)).stream().map(Clause::docId).toList());
    }

    @Test
    void findsWhatAQuestionIsAboutBySimilarityOverTheWire() {
        PolicyCorpus corpus = new PolicyCorpus();
        EmbeddingClauseRetriever milvus = new EmbeddingClauseRetriever(corpus,
                new MilvusEmbeddingStore(client, "policy_clauses", MODEL.dimension()),
                new ClauseEmbeddings(MODEL, "all-MiniLM-L6-v2", EmbeddingCache.inMemory()));
        milvus.indexAll();
        List<EmbeddingClauseRetriever.Scored> found = milvus.similar("my garbage disposal is jammed and humming",
                new ContractScope("PLUS", "HOMEOWNER", "CA", null), List.of(SectionKind.COVERED, SectionKind.NOT_COVERED), 3, 0.0);
        assertFalse(found.isEmpty());
        assertTrue(found.get(0).clause().item().toLowerCase().contains("disposal"), found.toString());
        assertTrue(found.stream().allMatch(scored -> scored.clause().appliesTo(
                new ContractScope("PLUS", "HOMEOWNER", "CA", null))));
    }

    @Test
    void refusesAFilterItCannotExpressInsteadOfIgnoringIt() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> MilvusEmbeddingStore.expression(new IsGreaterThan("year", 3)));
        assertTrue(refused.getMessage().contains("IsGreaterThan"));
    }

    private static List<String> keys(List<Clause> clauses) {
        return clauses.stream().map(clause -> clause.docId() + "/" + clause.section() + "/" + clause.item()).toList();
    }
}
