package dev.copilotsuite.platform.messaging;

import java.time.Instant;
import java.util.Date;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.jboss.logging.MDC;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import dev.copilotsuite.events.EventEnvelope;
import io.quarkus.runtime.Startup;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Remembers which events a consumer has processed, so a redelivered record (at-least-once) has no
 * second effect. The mark is written after the work, so a crash in between repeats the work rather
 * than losing it; handlers keep their own effects idempotent too (upserts on natural keys).
 */
@ApplicationScoped
public class ProcessedEvents {

    /** The log context key every service's log format prints. */
    public static final String SESSION_ID = "sessionId";

    private final MongoCollection<Document> collection;

    public ProcessedEvents(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.collection = mongo.getDatabase(database).getCollection("processed_events");
    }

    @Startup
    void createIndexes() {
        // Expiry is also done by purge(): the embedded server accepts TTL indexes but does not enforce them.
        collection.createIndex(Indexes.ascending("processedAt"), new IndexOptions().name("processedAt"));
    }

    /**
     * How every consumer handles a record: once per event id, with the session id in the log context.
     * A null event (a record that did not deserialize) is skipped.
     */
    public void process(String consumer, EventEnvelope<?> event, Runnable work) {
        if (event == null) {
            return;
        }
        MDC.put(SESSION_ID, event.sessionId());
        try {
            once(consumer, event.id(), work);
        } finally {
            MDC.remove(SESSION_ID);
        }
    }

    /** Runs {@code work} unless {@code consumer} already processed {@code eventId}; true when it ran. */
    public boolean once(String consumer, String eventId, Runnable work) {
        String key = consumer + ":" + eventId;
        if (collection.find(Filters.eq("_id", key)).first() != null) {
            return false;
        }
        work.run();
        try {
            collection.insertOne(new Document("_id", key).append("processedAt", Date.from(Instant.now())));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        return true;
    }

    /** Forgets marks older than {@code before}; redelivery never reaches that far back. */
    public long purge(Instant before) {
        return collection.deleteMany(Filters.lt("processedAt", Date.from(before))).getDeletedCount();
    }
}
