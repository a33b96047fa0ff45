package dev.copilotsuite.calculator.repository;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

import org.bson.Document;
import org.bson.conversions.Bson;

import io.quarkus.mongodb.panache.PanacheMongoRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.Startup;

@ApplicationScoped
public class CalculatorVersionRepository implements PanacheMongoRepositoryBase<CalculatorVersion, String> {

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

    public List<CalculatorVersion> history(String sessionId) {
        return find("sessionId", Sort.ascending("version"), sessionId).list();
    }

    /**
     * What a batch needs of its sessions: each one's newest version (absent for a session with none) and
     * how far its events are known to be published.
     *
     * @param latest    the newest version by session
     * @param published by session, the version up to which every version's events are on Kafka (the
     *                  head's {@code published}, 0 when unknown); a version above it may still be published,
     *                  then its own {@code published} flag says so
     */
    public record Heads(Map<String, CalculatorVersion> latest, Map<String, Long> published) {

        public boolean isPublished(CalculatorVersion version) {
            return version.published || version.version <= published.getOrDefault(version.sessionId, 0L);
        }
    }

    /**
     * The heads of these sessions in a few queries whatever their number: the heads by id, then each head's
     * version and the one after it by id; a head that lags is caught up by probing further, as
     * {@link #latest(String)} does.
     */
    public Heads heads(Collection<String> sessionIds) {
        Map<String, Long> head = new HashMap<>();
        Map<String, Long> published = new HashMap<>();
        for (String sessionId : sessionIds) {
            head.put(sessionId, 0L);
            published.put(sessionId, 0L);
        }
        for (Document doc : heads().find(Filters.in("_id", head.keySet()))) {
            head.put(doc.getString("_id"), doc.getLong("version"));
            Long through = doc.getLong("published");
            published.put(doc.getString("_id"), through == null ? 0L : through);
        }
        Map<String, CalculatorVersion> latest = new HashMap<>();
        Map<String, Long> open = new HashMap<>(head);
        while (!open.isEmpty()) {
            List<String> ids = new ArrayList<>();
            open.forEach((sessionId, version) -> {
                if (version > 0) {
                    ids.add(CalculatorVersion.idOf(sessionId, version));
                }
                ids.add(CalculatorVersion.idOf(sessionId, version + 1));
            });
            Map<String, CalculatorVersion> found = new HashMap<>();
            for (CalculatorVersion version : mongoCollection().find(Filters.in("_id", ids))) {
                found.put(version.id, version);
            }
            Map<String, Long> lagging = new HashMap<>();
            open.forEach((sessionId, version) -> {
                CalculatorVersion next = found.get(CalculatorVersion.idOf(sessionId, version + 1));
                if (next != null) {
                    lagging.put(sessionId, version + 1);
                    latest.put(sessionId, next);
                } else if (version > 0 && found.containsKey(CalculatorVersion.idOf(sessionId, version))) {
                    latest.put(sessionId, found.get(CalculatorVersion.idOf(sessionId, version)));
                }
            });
            open = lagging;
        }
        return new Heads(latest, published);
    }

    /** The versions made by these request keys ({@code sessionId:requestId}), by key; one query on the unique index. */
    public Map<String, CalculatorVersion> byRequestKeys(Collection<String> requestKeys) {
        Map<String, CalculatorVersion> made = new LinkedHashMap<>();
        if (!requestKeys.isEmpty()) {
            for (CalculatorVersion version : mongoCollection().find(Filters.in("requestKey", requestKeys))) {
                made.put(version.requestKey, version);
            }
        }
        return made;
    }

    /** Marks single versions published: those above their session's contiguous published mark. */
    public void markPublished(Collection<String> ids) {
        if (!ids.isEmpty()) {
            mongoCollection().updateMany(Filters.in("_id", ids), Updates.set("published", true));
        }
    }

    /**
     * Stores new versions in one ordered bulk insert and returns how many were stored: all of them, or
     * those before the first whose id or request key exists already (another writer took it; nothing
     * after it is stored). Any other failure is thrown.
     */
    public int insertAll(List<CalculatorVersion> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            mongoCollection().insertMany(batch, new InsertManyOptions().ordered(true));
            return batch.size();
        } catch (MongoBulkWriteException e) {
            List<BulkWriteError> errors = e.getWriteErrors();
            if (errors.isEmpty() || ErrorCategory.fromErrorCode(errors.get(0).getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return errors.get(0).getIndex();
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY && batch.size() == 1) {
                return 0;
            }
            throw e;
        }
    }

    /**
     * Moves each session's head up to its newest stored version, and its published mark up to the version
     * through which every event went out, never moving either back: one bulk write, one small update per
     * session, instead of rewriting every version document.
     */
    public void advanceHeads(Map<String, Long> newest, Map<String, Long> published) {
        Set<String> sessions = new LinkedHashSet<>(newest.keySet());
        sessions.addAll(published.keySet());
        if (sessions.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> updates = new ArrayList<>(sessions.size());
        for (String sessionId : sessions) {
            List<Bson> moves = new ArrayList<>(2);
            if (newest.containsKey(sessionId)) {
                moves.add(Updates.max("version", newest.get(sessionId)));
            }
            if (published.containsKey(sessionId)) {
                moves.add(Updates.max("published", published.get(sessionId)));
            }
            updates.add(new UpdateOneModel<>(Filters.eq("_id", sessionId), Updates.combine(moves),
                    new UpdateOptions().upsert(true)));
        }
        heads().bulkWrite(updates, new BulkWriteOptions().ordered(false));
    }

    private MongoCollection<Document> heads() {
        return mongoDatabase().getCollection("calculator_heads");
    }
}
