package dev.copilotsuite.gateway.repository;

import java.time.Instant;
import java.util.Date;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Webhook signatures accepted within the replay window, shared by every gateway replica. Entries
 * past the window are deleted by query (the embedded Mongo server does not enforce TTL indexes).
 */
@ApplicationScoped
public class AcceptedSignatureRepository {

    private final MongoCollection<Document> collection;

    public AcceptedSignatureRepository(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.collection = mongo.getDatabase(database).getCollection("webhook_signatures");
    }

    public boolean seen(String signature) {
        return collection.find(Filters.eq("_id", signature)).first() != null;
    }

    /** Records a signature; false when another request recorded it first. */
    public boolean record(String signature, Instant expiresAt) {
        try {
            collection.insertOne(new Document("_id", signature).append("expiresAt", Date.from(expiresAt)));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public long purgeExpired(Instant now) {
        return collection.deleteMany(Filters.lt("expiresAt", Date.from(now))).getDeletedCount();
    }
}
