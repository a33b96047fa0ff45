package dev.copilotsuite.tools.mongo.storage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * mongo-java-server's H2 backend with typed MVStore maps: documents stored as BSON, _id values and
 * unique-index keys as BSON values ordered as MongoDB orders them. The default ObjectDataType
 * Java-serialised every value to write a page, to estimate its memory and to compare keys, which was
 * over half of this server's CPU.
 *
 * <p>A file records its format in the map {@value #FORMAT_MAP}. A file of the previous format
 * (Java-serialised values, no marker) is migrated in place when opened; a file of an unknown format is
 * refused, never misread.
 */
public final class BsonH2Backend extends H2Backend {

    // "$" cannot start a database name, so no database's drop() can match these maps
    static final String FORMAT_MAP = "$storage";
    static final String FORMAT_KEY = "format";
    static final String FORMAT = "bson-1";
    private static final String MIGRATING_PREFIX = "$migrating.";

    /**
     * Pages of 4 KB rather than MVStore's 16 KB: a commit writes every page it changed whole, and the suite's
     * largest collections (a live call's lines) take inserts at as many places at once as there are calls, one
     * or two to a page. {@code MongoServerBench typed 1 lines}: 300 → 194 µs of server CPU a line (README, "Page size").
     */
    static final int PAGE_SPLIT_SIZE = 4 * 1024;

    private static final Logger log = LoggerFactory.getLogger(BsonH2Backend.class);

    private BsonH2Backend(MVStore store) {
        super(store);
    }

    /** Opens (or creates) the data file. */
    public static BsonH2Backend open(Path file) {
        return open(new MVStore.Builder().fileName(file.toString()).pageSplitSize(PAGE_SPLIT_SIZE).open());
    }

    public static BsonH2Backend inMemory() {
        return open(new MVStore.Builder().open());
    }

    private static BsonH2Backend open(MVStore store) {
        try {
            checkOrMigrate(store);
        } catch (RuntimeException e) {
            store.closeImmediately();
            throw e;
        }
        return new BsonH2Backend(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new BsonH2Database(databaseName, getMvStore(), getCursorRegistry());
    }

    private static void checkOrMigrate(MVStore store) {
        MVMap<String, String> format = store.openMap(FORMAT_MAP);
        String found = format.get(FORMAT_KEY);
        if (FORMAT.equals(found)) {
            return;
        }
        if (found != null) {
            throw new UnsupportedStorageFormatException("the data file " + fileName(store) + " is in storage format '"
                + found + "', which this mongo-server does not read (it reads '" + FORMAT + "')");
        }
        int delay = store.getAutoCommitDelay();
        store.setAutoCommitDelay(0); // a crash part way leaves the file as it was, still the old format
        try {
            migrateJavaSerialised(store);
            format.put(FORMAT_KEY, FORMAT);
            store.commit();
        } finally {
            store.setAutoCommitDelay(delay);
        }
    }

    /**
     * The previous format is mongo-java-server's own: the same map names with ObjectDataType keys and
     * values. Each data and index map is copied into a typed map, which then takes the old one's name.
     */
    private static void migrateJavaSerialised(MVStore store) {
        List<String> names = new ArrayList<>(store.getMapNames());
        names.stream().filter(name -> name.startsWith(MIGRATING_PREFIX)).forEach(store::removeMap);
        int migrated = 0;
        for (String name : names) {
            if (name.equals(FORMAT_MAP) || name.startsWith(MIGRATING_PREFIX) || name.startsWith("meta.")) {
                continue; // meta maps hold a String → Long counter: ObjectDataType stores those natively
            }
            MVMap<Object, Object> old = store.openMap(name);
            MVMap<Object, Object> typed = name.startsWith(BsonH2Database.DATABASES_PREFIX)
                ? cast(BsonH2Database.openDataMap(store, MIGRATING_PREFIX + name))
                : cast(BsonH2Database.openIndexMap(store, MIGRATING_PREFIX + name));
            for (Map.Entry<Object, Object> entry : old.entrySet()) {
                typed.put(entry.getKey(), entry.getValue());
            }
            store.removeMap(old);
            store.renameMap(typed, name);
            migrated++;
        }
        if (migrated > 0) {
            log.info("migrated {} maps of {} from Java-serialised values to BSON", migrated, fileName(store));
        }
    }

    @SuppressWarnings("unchecked")
    private static MVMap<Object, Object> cast(MVMap<?, ?> map) {
        return (MVMap<Object, Object>) map;
    }

    private static String fileName(MVStore store) {
        return store.getFileStore() == null ? "(in memory)" : store.getFileStore().getFileName();
    }

    /** The data file is in a storage format this server does not read. */
    public static final class UnsupportedStorageFormatException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        UnsupportedStorageFormatException(String message) {
            super(message);
        }
    }
}
