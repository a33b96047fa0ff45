package dev.copilotsuite.tools.mongo.storage;

import java.util.List;
import java.util.stream.Collectors;

import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;

/**
 * A database of {@link BsonH2Backend}: every map opened with typed keys and values (BSON, MongoDB's value
 * order) instead of MVStore's default ObjectDataType, which Java-serialises them. Its maps keep the names
 * mongo-java-server's H2Database gives them, so a file written by either is found by the other's backend.
 * (H2Database cannot be extended for this: its constructor opens collections before a subclass could hold
 * the store, so this implements the library's database contract itself.)
 */
final class BsonH2Database extends AbstractSynchronizedMongoDatabase<Object> {

    static final String DATABASES_PREFIX = "databases.";
    private static final String META_PREFIX = "meta.";

    private final MVStore mvStore;

    BsonH2Database(String databaseName, MVStore mvStore, CursorRegistry cursorRegistry) {
        super(databaseName, cursorRegistry);
        this.mvStore = mvStore;
        initializeNamespacesAndIndexes();
    }

    static MVMap<Object, Document> openDataMap(MVStore store, String name) {
        return store.openMap(name, new MVMap.Builder<Object, Document>()
            .keyType(BsonValueType.INSTANCE)
            .valueType(BsonDocumentType.INSTANCE));
    }

    static MVMap<KeyValue, Object> openIndexMap(MVStore store, String name) {
        return store.openMap(name, new MVMap.Builder<KeyValue, Object>()
            .keyType(KeyValueType.INSTANCE)
            .valueType(BsonValueType.INSTANCE));
    }

    /** A collection's dataSize counter: String keys and Long values, which ObjectDataType stores natively. */
    static MVMap<String, Object> openMetaMap(MVStore store, String name) {
        return store.openMap(name);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        return new BsonH2UniqueIndex(openIndexMap(mvStore, mapNameForIndex(collectionName, indexName)), indexName, keys, sparse);
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
        super.dropIndex(collection, indexName);
        mvStore.removeMap(openIndexMap(mvStore, mapNameForIndex(collection.getCollectionName(), indexName)));
    }

    private String mapNameForIndex(String collectionName, String indexName) {
        return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
    }

    @Override
    public void drop(Oplog oplog) {
        super.drop(oplog);
        // Removing a map needs no reads, so any map type will do for the ones not open yet.
        List<String> names = mvStore.getMapNames().stream()
            .filter(name -> name.startsWith(databaseName + ".")
                || name.startsWith(DATABASES_PREFIX + databaseName)
                || name.startsWith(META_PREFIX + databaseName))
            .collect(Collectors.toList());
        for (String name : names) {
            mvStore.removeMap(name);
        }
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String fullName = getFullCollectionNamespace(collectionName);
        return new BsonH2Collection(this, collectionName, options, openDataMap(mvStore, DATABASES_PREFIX + fullName),
            openMetaMap(mvStore, META_PREFIX + fullName), cursorRegistry);
    }

    @Override
    protected long getStorageSize() {
        FileStore<?> fileStore = mvStore.getFileStore();
        return fileStore != null ? fileStore.size() : 0;
    }

    @Override
    protected long getFileSize() {
        return getStorageSize();
    }

    @Override
    public void dropCollection(String collectionName, Oplog oplog) {
        super.dropCollection(collectionName, oplog);
        String fullName = getFullCollectionNamespace(collectionName);
        mvStore.removeMap(openDataMap(mvStore, DATABASES_PREFIX + fullName));
        mvStore.removeMap(openMetaMap(mvStore, META_PREFIX + fullName));
    }

    @Override
    public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
        super.moveCollection(oldDatabase, collection, newCollectionName);
        String fullName = collection.getFullName();
        String newFullName = getFullCollectionNamespace(newCollectionName);
        mvStore.renameMap(openDataMap(mvStore, DATABASES_PREFIX + fullName), DATABASES_PREFIX + newFullName);
        mvStore.renameMap(openMetaMap(mvStore, META_PREFIX + fullName), META_PREFIX + newFullName);
    }
}
