package dev.copilotsuite.copilot.repository;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.copilotsuite.copilot.service.EmbeddingCache;
import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;

/** The embedding cache in MongoDB: a restarted service finds the corpus's embeddings already computed. */
@ApplicationScoped
public class ClauseEmbeddingRepository implements PanacheMongoRepositoryBase<ClauseEmbedding, String>, EmbeddingCache {

    @Override
    public Optional<float[]> find(String key) {
        return findByIdOptional(key).map(stored -> {
            float[] vector = new float[stored.vector.length / Float.BYTES];
            ByteBuffer.wrap(stored.vector).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
            return vector;
        });
    }

    @Override
    public void store(String key, float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(vector);
        ClauseEmbedding embedding = new ClauseEmbedding();
        embedding.id = key;
        embedding.vector = bytes.array();
        persistOrUpdate(embedding);
    }
}
