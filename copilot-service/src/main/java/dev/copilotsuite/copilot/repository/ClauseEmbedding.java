package dev.copilotsuite.copilot.repository;

import org.bson.codecs.pojo.annotations.BsonId;

import io.quarkus.mongodb.panache.common.MongoEntity;

/** An embedding computed once, by SHA-256 of the model's name and the text embedded; floats as little-endian bytes. */
@MongoEntity(collection = "clause_embeddings")
public class ClauseEmbedding {

    @BsonId
    public String id;
    public byte[] vector;
}
