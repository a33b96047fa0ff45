package dev.copilotsuite.copilot.service;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Embeddings already computed, by a hash of the model and the text embedded: a restart (or a document
 * ingested again unchanged) reuses them instead of running the model over the whole corpus.
 */
public interface EmbeddingCache {

    Optional<float[]> find(String key);

    void store(String key, float[] vector);

    /** A cache that lives as long as the process: for tests and tools. */
    static EmbeddingCache inMemory() {
        ConcurrentHashMap<String, float[]> vectors = new ConcurrentHashMap<>();
        return new EmbeddingCache() {
            @Override
            public Optional<float[]> find(String key) {
                return Optional.ofNullable(vectors.get(key));
            }

            @Override
            public void store(String key, float[] vector) {
                vectors.put(key, vector);
            }
        };
    }
}
