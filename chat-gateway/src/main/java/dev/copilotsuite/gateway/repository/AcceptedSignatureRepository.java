package dev.copilotsuite.gateway.repository;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;

import dev.copilotsuite.gateway.config.GatewayConfig;
import dev.copilotsuite.platform.mongo.Batches;

/**
 * Webhook signatures accepted within the replay window, shared by every gateway replica. Entries
 * past the window are deleted by query (the embedded Mongo server does not enforce TTL indexes).
 *
 * <p>Every post asks twice (seen before publishing, recorded after): concurrent posts share those round trips
 * ({@link Batches}), one {@code $in} find and one unordered {@code insertMany} for all of them, and wait for
 * them without holding a thread.
 */
@ApplicationScoped
public class AcceptedSignatureRepository {

    private final MongoCollection<Document> collection;
    private final Batches<String, Boolean> lookups;
    private final Batches<Document, Boolean> records;

    public AcceptedSignatureRepository(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database,
            GatewayConfig config) {
        this.collection = mongo.getDatabase(database).getCollection("webhook_signatures");
        Duration timeout = config.webhook().publishTimeout();
        this.lookups = new Batches<>("webhook-signature-lookups", 500, timeout, this::seen);
        this.records = new Batches<>("webhook-signature-records", 500, timeout, this::record);
    }

    /** Whether a replay key (WebhookSignatures#authenticate) was accepted before; answered on the batch's thread, without blocking the caller. */
    public CompletableFuture<Boolean> seen(String signature) {
        return lookups.submit(signature);
    }

    /** Records a replay key; false when another request recorded it first. Answered as {@link #seen} is. */
    public CompletableFuture<Boolean> record(String signature, Instant expiresAt) {
        return records.submit(new Document("_id", signature).append("expiresAt", Date.from(expiresAt)));
    }

    public long purgeExpired(Instant now) {
        return collection.deleteMany(Filters.lt("expiresAt", Date.from(now))).getDeletedCount();
    }

    private List<Boolean> seen(List<String> signatures) {
        Set<Object> found = new HashSet<>();
        collection.find(Filters.in("_id", signatures)).projection(Projections.include("_id"))
                .forEach(document -> found.add(document.get("_id")));
        return signatures.stream().map(found::contains).toList();
    }

    /** Inserted or not, per document: a duplicate key (recorded by a concurrent twin) is a false, not a failure. */
    private List<Boolean> record(List<Document> documents) {
        List<Boolean> inserted = new ArrayList<>(Collections.nCopies(documents.size(), Boolean.TRUE));
        try {
            collection.insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                inserted.set(error.getIndex(), Boolean.FALSE);
            }
        }
        return inserted;
    }

    @PreDestroy
    void close() {
        lookups.close();
        records.close();
    }
}
