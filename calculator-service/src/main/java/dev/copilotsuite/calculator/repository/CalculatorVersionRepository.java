package dev.copilotsuite.calculator.repository;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import org.bson.Document;

import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.Startup;

@ApplicationScoped
public class CalculatorVersionRepository implements PanacheMongoRepositoryBase<CalculatorVersion, String> {

    /** Thrown when another writer took the version first. */
    public static class VersionTaken extends RuntimeException {
        public VersionTaken(long version) {
            super("version " + version + " was taken by another change");
        }
    }

    @Startup
    void createIndexes() {
        mongoCollection().createIndex(Indexes.ascending("sessionId"), new IndexOptions().name("sessionId"));
        mongoCollection().createIndex(Indexes.ascending("requestKey"),
                new IndexOptions().name("requestKey").unique(true).sparse(true));
    }

    /**
     * The newest version, found by id through the session's head: a sorted query by session would scan
     * every version on a server that keeps no secondary index. A head that lags (a crash between the
     * version's insert and the head's update) is caught up by probing the next ids.
     */
    public Optional<CalculatorVersion> latest(String sessionId) {
        Document head = heads().find(Filters.eq("_id", sessionId)).first();
        long version = head == null ? 0 : head.getLong("version");
        Optional<CalculatorVersion> next;
        while ((next = at(sessionId, version + 1)).isPresent()) {
            version++;
        }
        return version == 0 ? Optional.empty() : at(sessionId, version);
    }

    public Optional<CalculatorVersion> at(String sessionId, long version) {
        return findByIdOptional(CalculatorVersion.idOf(sessionId, version));
    }

    public Optional<CalculatorVersion> byRequest(String sessionId, String requestId) {
        return find("requestKey", sessionId + ":" + requestId).firstResultOptional();
    }

    public List<CalculatorVersion> history(String sessionId) {
        return find("sessionId", Sort.ascending("version"), sessionId).list();
    }

    public void markPublished(String id) {
        update("published", true).where("_id", id);
    }

    /** Stores a new version, or throws {@link VersionTaken} if its id or request key exists already. */
    public void insertNew(CalculatorVersion version) {
        try {
            persist(version);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new VersionTaken(version.version);
            }
            throw e;
        }
        heads().updateOne(Filters.eq("_id", version.sessionId), Updates.max("version", version.version),
                new UpdateOptions().upsert(true));
    }

    private MongoCollection<Document> heads() {
        return mongoDatabase().getCollection("calculator_heads");
    }
}
