package dev.copilotsuite.copilot.repository;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

import dev.copilotsuite.platform.mongo.BatchedById;
import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.Startup;

@ApplicationScoped
public class CallRepository implements PanacheMongoRepositoryBase<Call, String> {

    /** How long a lane waits on MongoDB for its call before the event fails (and is retried). */
    static final Duration MONGO_TIMEOUT = Duration.ofSeconds(10);

    /** Concurrent lanes' reads and saves of their calls share round trips: a few per batch instead of per segment. */
    private BatchedById<Call> byId;

    @PostConstruct
    void batch() {
        byId = new BatchedById<>("calls", mongoCollection(), call -> call.id, 500, MONGO_TIMEOUT);
    }

    @Startup
    void createIndexes() {
        mongoCollection().createIndex(Indexes.descending("tenantId", "updatedAt"), new IndexOptions().name("tenantId_updatedAt"));
        // A save's filter is the id and the revision: the embedded server serves an index only for a query of exactly
        // its fields, and scanned every call for each save without this one.
        mongoCollection().createIndex(Indexes.ascending("_id", "revision"), new IndexOptions().name("id_revision").unique(true));
        giveRevisionsToOldCalls();
    }

    /** Calls stored before revisions were kept get revision 0, so a save's filter (id and revision) finds them. */
    public long giveRevisionsToOldCalls() {
        return mongoCollection().updateMany(Filters.exists("revision", false), Updates.set("revision", 0L)).getModifiedCount();
    }

    /** The tenant's calls touched at or after {@code since}, the most recent first. */
    public List<Call> activeSince(String tenantId, Instant since, int limit) {
        return find("tenantId = ?1 and updatedAt >= ?2", Sort.descending("updatedAt"), tenantId, since).page(0, limit).list();
    }

    public Optional<Call> find(String tenantId, String sessionId) {
        return findByIdOptional(Call.idOf(tenantId, sessionId));
    }

    /** The call, or a new one; read in a batch with other lanes' calls. */
    public Call findOrStart(String tenantId, String sessionId) {
        return byId.find(Call.idOf(tenantId, sessionId)).orElseGet(() -> Call.start(tenantId, sessionId));
    }

    /**
     * Stores the call whole, in a batch with other lanes' calls, if the stored one is still at revision
     * {@code from} (or there is none): otherwise, another instance saved it meanwhile, nothing is written and this
     * fails with a duplicate key.
     */
    public void save(Call call, long from) {
        byId.upsertIf(call, new Document("revision", from));
    }

    @PreDestroy
    void close() {
        byId.close();
    }
}
