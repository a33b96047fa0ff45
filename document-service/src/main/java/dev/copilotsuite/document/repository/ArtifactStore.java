package dev.copilotsuite.document.repository;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.BsonObjectId;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSFile;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;

import dev.copilotsuite.document.config.DocumentConfig;
import dev.copilotsuite.events.document.DocumentKind;
import io.quarkus.runtime.Startup;

/**
 * Generated documents in GridFS, their metadata on the file. {@code metadata.requestKey}
 * ({@code sessionId:requestId}) is unique, so one request can never store a second document.
 */
@ApplicationScoped
public class ArtifactStore {

    private final GridFSBucket bucket;
    private final MongoCollection<Document> files;
    private final MongoCollection<Document> chunks;

    public ArtifactStore(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database,
            DocumentConfig config) {
        MongoDatabase db = mongo.getDatabase(database);
        this.bucket = GridFSBuckets.create(db, config.bucket());
        this.files = db.getCollection(config.bucket() + ".files");
        this.chunks = db.getCollection(config.bucket() + ".chunks");
    }

    @Startup
    void createIndexes() {
        files.createIndex(Indexes.ascending("metadata.requestKey"), new IndexOptions().name("requestKey").unique(true));
        files.createIndex(Indexes.ascending("metadata.sessionId"), new IndexOptions().name("sessionId"));
    }

    /** A fresh artifact id, known before the document is rendered. */
    public static String newId() {
        return new ObjectId().toHexString();
    }

    public Optional<Artifact> byRequest(String sessionId, String requestId) {
        return first(Filters.eq("metadata.requestKey", requestKey(sessionId, requestId)));
    }

    /** The artifact, if it exists and belongs to the session. */
    public Optional<Artifact> find(String sessionId, String artifactId) {
        if (!ObjectId.isValid(artifactId)) {
            return Optional.empty();
        }
        return first(Filters.and(Filters.eq("_id", new ObjectId(artifactId)), Filters.eq("metadata.sessionId", sessionId)));
    }

    /** The session's artifacts, newest first. */
    public List<Artifact> list(String sessionId) {
        List<Artifact> artifacts = new ArrayList<>();
        bucket.find(Filters.eq("metadata.sessionId", sessionId))
                .sort(Sorts.descending("metadata.createdAt", "_id"))
                .forEach(file -> artifacts.add(toArtifact(file)));
        return artifacts;
    }

    public byte[] content(Artifact artifact) {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) artifact.sizeBytes());
        bucket.downloadToStream(new ObjectId(artifact.artifactId()), out);
        return out.toByteArray();
    }

    /**
     * Stores the document unless its request already stored one; returns whichever is stored. A racing
     * writer of the same request loses on the unique request key and its chunks are removed.
     */
    public Artifact storeOnce(Artifact artifact, byte[] content) {
        ObjectId id = new ObjectId(artifact.artifactId());
        Document metadata = new Document("sessionId", artifact.sessionId())
                .append("tenantId", artifact.tenantId())
                .append("requestId", artifact.requestId())
                .append("requestKey", requestKey(artifact.sessionId(), artifact.requestId()))
                .append("kind", artifact.kind().name())
                .append("title", artifact.title())
                .append("contentType", artifact.contentType())
                .append("stateVersion", artifact.stateVersion())
                .append("sizeBytes", artifact.sizeBytes())
                .append("sha256", artifact.sha256())
                .append("createdAt", Date.from(artifact.createdAt()));
        try {
            bucket.uploadFromStream(new BsonObjectId(id), artifact.fileName(), new ByteArrayInputStream(content),
                    new GridFSUploadOptions().metadata(metadata));
            return artifact;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            chunks.deleteMany(Filters.eq("files_id", id));
            return byRequest(artifact.sessionId(), artifact.requestId()).orElseThrow(() -> e);
        }
    }

    private Optional<Artifact> first(Bson filter) {
        return Optional.ofNullable(bucket.find(filter).first()).map(ArtifactStore::toArtifact);
    }

    private static Artifact toArtifact(GridFSFile file) {
        Document m = file.getMetadata();
        return new Artifact(file.getObjectId().toHexString(), m.getString("sessionId"), m.getString("tenantId"),
                m.getString("requestId"), DocumentKind.valueOf(m.getString("kind")), m.getString("title"),
                file.getFilename(), m.getString("contentType"), m.get("stateVersion", Number.class).longValue(),
                m.get("sizeBytes", Number.class).longValue(), m.getString("sha256"), m.getDate("createdAt").toInstant());
    }

    private static String requestKey(String sessionId, String requestId) {
        return sessionId + ":" + requestId;
    }
}
