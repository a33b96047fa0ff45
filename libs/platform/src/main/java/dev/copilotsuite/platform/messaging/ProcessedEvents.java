package dev.copilotsuite.platform.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.jboss.logging.MDC;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;

import dev.copilotsuite.events.EventEnvelope;
import dev.copilotsuite.platform.mongo.Batches;
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

    /** How long a consumer waits on MongoDB for a check or a mark before the record fails (and is retried). */
    private static final Duration MONGO_TIMEOUT = Duration.ofSeconds(10);

    private final Batches<String, Boolean> checks;
    private final Batches<Document, Boolean> marks;

    public ProcessedEvents(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.collection = mongo.getDatabase(database).getCollection("processed_events");
        this.checks = new Batches<>("processed-event-checks", 500, MONGO_TIMEOUT, this::processed);
        this.marks = new Batches<>("processed-event-marks", 500, MONGO_TIMEOUT, this::mark);
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

    /**
     * Runs {@code work} unless {@code consumer} already processed {@code eventId}; true when it ran. The check
     * and the mark of events handled at the same time share their round trips ({@link Batches}).
     */
    public boolean once(String consumer, String eventId, Runnable work) {
        String key = consumer + ":" + eventId;
        if (checks.call(key)) {
            return false;
        }
        work.run();
        marks.call(new Document("_id", key).append("processedAt", Date.from(Instant.now())));
        return true;
    }

    private List<Boolean> processed(List<String> keys) {
        Set<Object> found = new HashSet<>();
        collection.find(Filters.in("_id", keys)).projection(Projections.include("_id"))
                .forEach(document -> found.add(document.get("_id")));
        return keys.stream().map(found::contains).toList();
    }

    /** A mark already there (a concurrent redelivery marked it first) is no failure. */
    private List<Boolean> mark(List<Document> marks) {
        try {
            collection.insertMany(marks, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
        return Collections.nCopies(marks.size(), Boolean.TRUE);
    }

    @PreDestroy
    void close() {
        checks.close();
        marks.close();
    }

    /** Forgets marks older than {@code before}; redelivery never reaches that far back. */
    public long purge(Instant before) {
        return collection.deleteMany(Filters.lt("processedAt", Date.from(before))).getDeletedCount();
    }
}
