package dev.copilotsuite.platform.mongo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.bson.Document;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;

/**
 * One collection's documents read and written whole, by id, from many threads at once: the reads that wait
 * together share one {@code $in} find, and the writes one unordered bulk of upserts ({@link Batches}). A
 * consumer that handles one record per call on several threads makes a few round trips per record; under load
 * this makes them a few per batch.
 *
 * <p>A failed write fails only the request it belongs to (a duplicate key, say); a batch that fails whole (the
 * server is gone) fails every request in it. Two writes of one id in one batch: the later one is applied, and
 * both answer with its outcome, as if they had run in order.
 *
 * @param <E> the document class, as the collection decodes it
 */
public final class BatchedById<E> implements AutoCloseable {

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private final MongoCollection<E> collection;
    private final Function<E, Object> idOf;
    private final Batches<Object, Optional<E>> reads;
    private final Batches<Write<E>, Optional<MongoException>> writes;

    public BatchedById(String name, MongoCollection<E> collection, Function<E, Object> idOf, int maxBatch, Duration timeout) {
        this.collection = collection;
        this.idOf = idOf;
        this.reads = new Batches<>(name + "-reads", maxBatch, timeout, this::read);
        this.writes = new Batches<>(name + "-writes", maxBatch, timeout, this::write);
    }

    public Optional<E> find(Object id) {
        return reads.call(id);
    }

    /** Stores the document whole under its id, inserting it when absent. */
    public void upsert(E document) {
        write(new Write<>(document, null));
    }

    /**
     * Stores the document whole under its id if the stored one has the fields of {@code condition} (a version,
     * say), or inserts it when there is none. A stored one that does not match is left as it is and the write fails
     * with a duplicate key: the upsert tries to insert a second document of that id. The filter is the id and the
     * condition's fields side by side, so a server that serves an index only for a query of exactly its fields
     * (the embedded one) needs a unique index on {@code _id} and those fields.
     */
    public void upsertIf(E document, Document condition) {
        write(new Write<>(document, condition));
    }

    private void write(Write<E> write) {
        Optional<MongoException> failure = writes.call(write);
        if (failure.isPresent()) {
            throw failure.get();
        }
    }

    private List<Optional<E>> read(List<Object> ids) {
        Map<Object, E> found = new HashMap<>();
        collection.find(Filters.in("_id", ids)).forEach(document -> found.put(idOf.apply(document), document));
        return ids.stream().map(id -> Optional.ofNullable(found.get(id))).toList();
    }

    private List<Optional<MongoException>> write(List<Write<E>> requests) {
        List<E> documents = requests.stream().map(Write::document).toList();
        // The last write of each id, in the order of first appearance
        Map<Object, Integer> last = new LinkedHashMap<>();
        for (int i = 0; i < documents.size(); i++) {
            last.put(idOf.apply(documents.get(i)), i);
        }
        List<Integer> applied = new ArrayList<>(last.values());
        List<ReplaceOneModel<E>> models = applied.stream().map(requests::get).map(this::model).toList();
        List<Optional<MongoException>> outcomes = new ArrayList<>(Collections.nCopies(applied.size(), Optional.empty()));
        try {
            collection.bulkWrite(models, UNORDERED);
        } catch (MongoBulkWriteException e) {
            if (e.getWriteConcernError() != null) {
                throw e;
            }
            for (BulkWriteError error : e.getWriteErrors()) {
                outcomes.set(error.getIndex(), Optional.of(new MongoException(error.getCode(), error.getMessage())));
            }
        }
        Map<Object, Optional<MongoException>> byId = new HashMap<>();
        for (int k = 0; k < applied.size(); k++) {
            byId.put(idOf.apply(documents.get(applied.get(k))), outcomes.get(k));
        }
        return documents.stream().map(document -> byId.get(idOf.apply(document))).toList();
    }

    private ReplaceOneModel<E> model(Write<E> write) {
        Document filter = new Document("_id", idOf.apply(write.document()));
        if (write.condition() != null) {
            filter.putAll(write.condition());
        }
        return new ReplaceOneModel<>(filter, write.document(), UPSERT);
    }

    private record Write<E>(E document, Document condition) {
    }

    @Override
    public void close() {
        reads.close();
        writes.close();
    }
}
