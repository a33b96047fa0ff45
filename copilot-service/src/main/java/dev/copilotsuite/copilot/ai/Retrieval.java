package dev.copilotsuite.copilot.ai;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.copilotsuite.copilot.config.CopilotConfig;
import dev.copilotsuite.copilot.repository.ClauseEmbeddingRepository;
import dev.copilotsuite.copilot.repository.PolicyDocument;
import dev.copilotsuite.copilot.repository.PolicyDocumentRepository;
import dev.copilotsuite.copilot.service.ClauseEmbeddings;
import dev.copilotsuite.copilot.service.CorpusFormatException;
import dev.copilotsuite.copilot.service.EmbeddingClauseRetriever;
import dev.copilotsuite.copilot.service.PolicyCorpus;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import io.milvus.v2.client.ConnectConfig;
import io.milvus.v2.client.MilvusClientV2;

/**
 * Wires retrieval: all-MiniLM-L6-v2 in-process (its ONNX model ships in the jar; nothing is downloaded),
 * embeddings cached in MongoDB, and the store: Milvus when {@code MILVUS_URI} is set, else langchain4j's
 * in-process store, rebuilt at start from the cached embeddings.
 */
@ApplicationScoped
public class Retrieval {

    static final String MODEL_NAME = "all-MiniLM-L6-v2";
    private static final Logger LOG = Logger.getLogger(Retrieval.class);

    @Produces
    @Singleton
    EmbeddingModel embeddingModel() {
        return new AllMiniLmL6V2EmbeddingModel();
    }

    @Produces
    @Singleton
    EmbeddingStore<TextSegment> embeddingStore(CopilotConfig config, EmbeddingModel model) {
        if (config.milvus().uri().isPresent()) {
            String uri = config.milvus().uri().get();
            ConnectConfig.ConnectConfigBuilder connect = ConnectConfig.builder().uri(uri);
            config.milvus().token().ifPresent(connect::token);
            MilvusClientV2 client = new MilvusClientV2(connect.build());
            LOG.infof("retrieval: Milvus at %s, collection %s", uri, config.milvus().collection());
            return new MilvusEmbeddingStore(client, config.milvus().collection(), model.dimension());
        }
        LOG.info("retrieval: in-process embedding store (MILVUS_URI not set)");
        return new InMemoryEmbeddingStore<>();
    }

    void closeStore(@Disposes EmbeddingStore<TextSegment> store) {
        if (store instanceof MilvusEmbeddingStore milvus) {
            milvus.close();
        }
    }

    @Produces
    @Singleton
    EmbeddingClauseRetriever retriever(PolicyCorpus corpus, EmbeddingStore<TextSegment> store, EmbeddingModel model,
            ClauseEmbeddingRepository cache, PolicyDocumentRepository documents) {
        for (PolicyDocument document : documents.inIngestOrder()) {
            try {
                corpus.ingest(document.docId, document.markdown);
            } catch (CorpusFormatException e) {
                // It was accepted once; a format rule tightened since. Say so and answer from the rest.
                LOG.errorf("ingested document %s no longer loads: %s", document.docId, e.getMessage());
            }
        }
        EmbeddingClauseRetriever retriever = new EmbeddingClauseRetriever(corpus, store,
                new ClauseEmbeddings(model, MODEL_NAME, cache));
        retriever.indexAll();
        return retriever;
    }
}
