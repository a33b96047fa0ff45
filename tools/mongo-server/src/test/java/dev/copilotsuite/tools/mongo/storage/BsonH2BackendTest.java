package dev.copilotsuite.tools.mongo.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.bson.BsonBinarySubType;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.bson.UuidRepresentation;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.MaxKey;
import org.bson.types.MinKey;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/** The typed backend over the wire, with the real driver, on a file that is closed and reopened. */
class BsonH2BackendTest {

    @TempDir
    Path dir;

    private MongoServer server;
    private H2Backend backend;
    private MongoClient client;

    @AfterEach
    void stop() {
        close();
    }

    private MongoCollection<Document> start(Supplier<H2Backend> backendFactory, String collection) {
        backend = backendFactory.get();
        server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        client = MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + address.getPort()))
            .uuidRepresentation(UuidRepresentation.STANDARD)
            .build());
        return client.getDatabase("copilot").getCollection(collection);
    }

    private MongoCollection<Document> start(String collection) {
        return start(() -> BsonH2Backend.open(dir.resolve("data.mv")), collection);
    }

    private void close() {
        if (client != null) {
            client.close();
            client = null;
        }
        if (server != null) {
            server.shutdown(); // closes the backend, which commits and closes the file
            server = null;
        }
    }

    private MongoCollection<Document> restart(String collection) {
        close();
        return start(collection);
    }

    private static Document everyType() {
        return new Document("_id", "every-type")
            .append("string", "grüße ✓")
            .append("int", 42)
            .append("long", 1L << 40)
            .append("double", 3.25)
            .append("decimal", Decimal128.parse("12345.678901234567890"))
            .append("true", true)
            .append("false", false)
            .append("date", new Date(1_700_000_000_123L))
            .append("objectId", new ObjectId("65a1b2c3d4e5f60718293a4b"))
            .append("null", null)
            .append("binary", new Binary(new byte[] {0, 1, 2, (byte) 0xFF}))
            .append("uuid", UUID.fromString("7c1e7a32-3b0e-4a55-9d0f-1d2f3c4b5a69"))
            .append("timestamp", new BsonTimestamp(1_700_000_000, 7))
            .append("minKey", new MinKey())
            .append("maxKey", new MaxKey())
            .append("nested", new Document("a", new Document("b", List.of(1, "two", new Document("c", 3.0)))))
            .append("array", Arrays.asList(1, 2L, 3.5, "x", null, List.of(List.of()), new Document()))
            .append("emptyDocument", new Document());
    }

    @Test
    void everyTypeRoundTripsAndSurvivesARestart() {
        MongoCollection<Document> things = start("things");
        Document original = everyType();
        things.insertOne(original);
        assertEquals(original, things.find(Filters.eq("_id", "every-type")).first());

        things = restart("things");
        Document reread = things.find(Filters.eq("_id", "every-type")).first();
        assertEquals(original, reread);
        assertEquals(Decimal128.class, reread.get("decimal").getClass());
        assertEquals(Long.class, reread.get("long").getClass());
        assertEquals(BsonBinarySubType.BINARY.getValue(), reread.get("binary", Binary.class).getType());
    }

    @Test
    void idsOfEveryKindAreFoundAfterARestart() {
        MongoCollection<Document> things = start("ids");
        List<Object> ids = List.of("a string", new ObjectId(), 7L, 8, 2.5, UUID.randomUUID(),
            new Document("tenant", "t1").append("n", 1), new Date(1_000), true);
        for (Object id : ids) {
            things.insertOne(new Document("_id", id).append("kind", id.getClass().getSimpleName()));
        }
        things = restart("ids");
        for (Object id : ids) {
            Document found = things.find(Filters.eq("_id", id)).first();
            assertNotNull(found, "by _id " + id);
            assertEquals(id, found.get("_id"));
        }
        assertEquals(ids.size(), things.countDocuments());
        assertEquals(3, things.find(Filters.in("_id", ids.get(0), ids.get(2), ids.get(6), "absent")).into(new ArrayList<>()).size());
    }

    @Test
    void numericIdsAreEqualAcrossTypesAsInMongoDb() {
        MongoCollection<Document> things = start("numbers");
        things.insertOne(new Document("_id", 1).append("v", "int"));
        MongoWriteException duplicate = assertThrows(MongoWriteException.class,
            () -> things.insertOne(new Document("_id", 1L).append("v", "long")));
        assertEquals(11000, duplicate.getError().getCode());
        assertEquals("int", things.find(Filters.eq("_id", 1.0)).first().getString("v"));
    }

    @Test
    void uniqueIndexRefusesDuplicatesWith11000AfterARestartToo() {
        MongoCollection<Document> segments = start("segments");
        segments.createIndex(Indexes.ascending("segmentId"), new IndexOptions().unique(true));
        segments.createIndex(Indexes.ascending("tenant", "call"), new IndexOptions().unique(true).name("tenant_call"));
        segments.insertOne(new Document("segmentId", "s-1").append("tenant", "t").append("call", 1));
        assertEquals(11000, assertThrows(MongoWriteException.class,
            () -> segments.insertOne(new Document("segmentId", "s-1").append("tenant", "t").append("call", 2))).getError().getCode());

        MongoCollection<Document> reopened = restart("segments");
        assertEquals(11000, assertThrows(MongoWriteException.class,
            () -> reopened.insertOne(new Document("segmentId", "s-1").append("tenant", "u").append("call", 9))).getError().getCode());
        assertEquals(11000, assertThrows(MongoWriteException.class,
            () -> reopened.insertOne(new Document("segmentId", "s-2").append("tenant", "t").append("call", 1))).getError().getCode());
        // a missing key is a key (null) in a non-sparse unique index: the second document without it is a duplicate
        reopened.insertOne(new Document("tenant", "x").append("call", 1));
        assertEquals(11000, assertThrows(MongoWriteException.class,
            () -> reopened.insertOne(new Document("tenant", "y").append("call", 1))).getError().getCode());
        reopened.insertOne(new Document("segmentId", "s-2").append("tenant", "t").append("call", 2));
        assertEquals(3, reopened.countDocuments());
        assertNotNull(reopened.find(Filters.eq("segmentId", "s-2")).first());
        assertEquals(1, reopened.deleteOne(Filters.eq("segmentId", "s-1")).getDeletedCount());
        reopened.insertOne(new Document("segmentId", "s-1").append("tenant", "t").append("call", 1));
    }

    @Test
    void mixedTypesSortInMongoDbOrder() {
        MongoCollection<Document> mixed = start("mixed");
        List<Object> expected = Arrays.asList(new MinKey(), null, -1.5, 0, 2L, "a", "b", new Document("k", 1),
            new Binary(new byte[] {1}), new ObjectId("65a1b2c3d4e5f60718293a4b"), false, true, new Date(5),
            new BsonTimestamp(1, 1), new MaxKey());
        List<Object> shuffled = new ArrayList<>(expected);
        java.util.Collections.shuffle(shuffled, new java.util.Random(3));
        int n = 0;
        for (Object value : shuffled) {
            mixed.insertOne(new Document("_id", value == null ? "null-valued" : value).append("v", value).append("n", n++));
        }
        mixed = restart("mixed");
        List<Object> sorted = new ArrayList<>();
        mixed.find().sort(Sorts.ascending("v")).forEach(d -> sorted.add(d.get("v")));
        assertEquals(expected, sorted);

        // The stored _id order (the collection's natural order here) is MongoDB's value order too.
        List<Object> natural = new ArrayList<>();
        mixed.find(Filters.ne("_id", "null-valued")).forEach(d -> natural.add(d.get("_id")));
        List<Object> expectedIds = new ArrayList<>(expected);
        expectedIds.remove(null);
        assertEquals(expectedIds, natural);
    }

    @Test
    void updatesUpsertsBulkWritesAndAggregationsWork() {
        MongoCollection<Document> sessions = start("sessions");
        sessions.insertOne(new Document("_id", "s1").append("tenant", "t").append("version", 1L)
            .append("inputs", new Document("agents", 10)).append("history", new ArrayList<>()));
        sessions.updateOne(Filters.and(Filters.eq("_id", "s1"), Filters.eq("version", 1L)), Updates.combine(
            Updates.inc("version", 1L), Updates.set("inputs.agents", 12), Updates.push("history", new Document("op", "set")),
            Updates.currentDate("updatedAt"), Updates.unset("tenantless")));
        sessions.updateOne(Filters.eq("_id", "s2"), Updates.setOnInsert("tenant", "u"), new UpdateOptions().upsert(true));
        List<ReplaceOneModel<Document>> upserts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            upserts.add(new ReplaceOneModel<>(Filters.eq("_id", "bulk-" + (i % 25)),
                new Document("_id", "bulk-" + (i % 25)).append("tenant", "t").append("i", i), new ReplaceOptions().upsert(true)));
        }
        sessions.bulkWrite(upserts);

        sessions = restart("sessions");
        Document s1 = sessions.find(Filters.eq("_id", "s1")).first();
        assertEquals(2L, s1.getLong("version"));
        assertEquals(12, s1.get("inputs", Document.class).getInteger("agents"));
        assertEquals(1, s1.getList("history", Document.class).size());
        assertNotNull(s1.getDate("updatedAt"));
        assertEquals("u", sessions.find(Filters.eq("_id", "s2")).first().getString("tenant"));
        assertEquals(49, sessions.find(Filters.eq("_id", "bulk-24")).first().getInteger("i"));

        MongoCollection<Document> changes = client.getDatabase("copilot").getCollection("changes");
        changes.insertMany(List.of(new Document("session", "s1").append("ops", List.of("a", "b")),
            new Document("session", "s1").append("ops", List.of("c")), new Document("session", "s2").append("ops", List.of("d"))));
        List<Document> perSession = sessions.aggregate(List.of(
            Aggregates.match(Filters.in("_id", "s1", "s2")),
            Aggregates.lookup("changes", "_id", "session", "changes"),
            Aggregates.unwind("$changes"),
            Aggregates.unwind("$changes.ops"),
            Aggregates.group("$_id", Accumulators.sum("ops", 1)),
            Aggregates.sort(Sorts.descending("ops")))).into(new ArrayList<>());
        assertEquals(List.of(new Document("_id", "s1").append("ops", 3), new Document("_id", "s2").append("ops", 1)), perSession);

        assertEquals(25, sessions.deleteMany(Filters.regex("_id", "^bulk-")).getDeletedCount());
        sessions = restart("sessions");
        assertEquals(2, sessions.countDocuments());
        assertNull(sessions.find(Filters.eq("_id", "bulk-3")).first());
    }

    @Test
    void aFileOfTheJavaSerialisedFormatIsMigratedWithItsIndexes() {
        Path file = dir.resolve("old.mv");
        MongoCollection<Document> old = start(() -> new H2Backend(file.toString()), "segments");
        old.createIndex(Indexes.ascending("segmentId"), new IndexOptions().unique(true));
        Document original = everyType().append("segmentId", "s-1");
        old.insertOne(original);
        old.insertOne(new Document("_id", new ObjectId()).append("segmentId", "s-2"));
        close();

        MongoCollection<Document> migrated = start(() -> BsonH2Backend.open(file), "segments");
        assertEquals(original, migrated.find(Filters.eq("_id", "every-type")).first());
        assertEquals(11000, assertThrows(MongoWriteException.class,
            () -> migrated.insertOne(new Document("segmentId", "s-2"))).getError().getCode());
        migrated.insertOne(new Document("segmentId", "s-3"));
        close();

        MongoCollection<Document> reopened = start(() -> BsonH2Backend.open(file), "segments");
        assertEquals(3, reopened.countDocuments());
        assertEquals(original, reopened.find(Filters.eq("segmentId", "s-1")).first());
        close();
        try (MVStore store = MVStore.open(file.toString())) {
            assertEquals(BsonH2Backend.FORMAT, store.<String, String>openMap(BsonH2Backend.FORMAT_MAP).get(BsonH2Backend.FORMAT_KEY));
        }
    }

    @Test
    void aFileOfAnUnknownFormatIsRefusedAndLeftAsItWas() {
        Path file = dir.resolve("future.mv");
        try (MVStore store = MVStore.open(file.toString())) {
            store.<String, String>openMap(BsonH2Backend.FORMAT_MAP).put(BsonH2Backend.FORMAT_KEY, "bson-99");
            store.openMap("databases.copilot.things").put("x", "y");
        }
        BsonH2Backend.UnsupportedStorageFormatException refused = assertThrows(
            BsonH2Backend.UnsupportedStorageFormatException.class, () -> BsonH2Backend.open(file));
        assertTrue(refused.getMessage().contains("bson-99"), refused.getMessage());
        assertTrue(refused.getMessage().contains(file.toString()), refused.getMessage());
        try (MVStore store = MVStore.open(file.toString())) {
            assertEquals("y", store.openMap("databases.copilot.things").get("x"));
        }
    }
}
