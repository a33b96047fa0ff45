package dev.copilotsuite.copilot.repository;

import java.time.Instant;

import org.bson.codecs.pojo.annotations.BsonId;

import io.quarkus.mongodb.panache.common.MongoEntity;

/** A policy document ingested through the API, in the corpus format, kept so a restart still answers from it. */
@MongoEntity(collection = "policy_documents")
public class PolicyDocument {

    @BsonId
    public String docId;
    /** The document's text in the corpus format (a PDF's extracted text). */
    public String markdown;
    /** The file name it was ingested from, and MARKDOWN or PDF. */
    public String fileName;
    public String format;
    public int clauses;
    public Instant ingestedAt;
}
