package dev.copilotsuite.copilot.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;

/** The embedding model behind a cache keyed by the model's name and the text's SHA-256. */
public class ClauseEmbeddings {

    private final EmbeddingModel model;
    private final String modelName;
    private final EmbeddingCache cache;
    private final AtomicLong computed = new AtomicLong();

    public ClauseEmbeddings(EmbeddingModel model, String modelName, EmbeddingCache cache) {
        this.model = model;
        this.modelName = modelName;
        this.cache = cache;
    }

    public Embedding embed(String text) {
        return embedAll(List.of(text)).get(0);
    }

    /** The texts' embeddings in order; only those the cache lacks go through the model, in one batch. */
    public List<Embedding> embedAll(List<String> texts) {
        List<Embedding> embeddings = new ArrayList<>(texts.size());
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            embeddings.add(cache.find(key(texts.get(i))).map(Embedding::from).orElse(null));
            if (embeddings.get(i) == null) {
                missing.add(i);
            }
        }
        if (!missing.isEmpty()) {
            List<Embedding> fresh = model.embedAll(missing.stream().map(i -> TextSegment.from(texts.get(i))).toList())
                    .content();
            computed.addAndGet(missing.size());
            for (int j = 0; j < missing.size(); j++) {
                int i = missing.get(j);
                embeddings.set(i, fresh.get(j));
                cache.store(key(texts.get(i)), fresh.get(j).vector());
            }
        }
        return embeddings;
    }

    public int dimension() {
        return model.dimension();
    }

    /** How many texts this process has run through the model (not found in the cache). */
    public long computed() {
        return computed.get();
    }

    String key(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest((modelName + "\n" + text).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
