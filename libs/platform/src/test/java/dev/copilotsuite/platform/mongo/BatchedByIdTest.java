package dev.copilotsuite.platform.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.ConnectionString;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** Against a MongoDB wire-protocol server, through the real driver. */
class BatchedByIdTest {

    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> collection;
    private final AtomicInteger finds = new AtomicInteger();
    private final AtomicInteger bulkWrites = new AtomicInteger();

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        CommandListener counting = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (event.getCommandName().equals("find")) {
                    finds.incrementAndGet();
                } else if (event.getCommandName().equals("update")) {
                    bulkWrites.incrementAndGet();
                }
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + address.getPort()))
                .addCommandListener(counting).build());
        collection = client.getDatabase("test").getCollection("docs");
        collection.createIndex(Indexes.ascending("position"), new IndexOptions().unique(true).sparse(true));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private BatchedById<Document> byId() {
        return new BatchedById<>("test", collection, document -> document.get("_id"), 100, Duration.ofSeconds(10));
    }

    @Test
    void concurrentCallersEachGetTheirOwnDocumentAndShareRoundTrips() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(16);
        try (BatchedById<Document> docs = byId()) {
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int n = i;
                writes.add(callers.submit(() -> docs.upsert(new Document("_id", "doc-" + n).append("n", n))));
            }
            for (Future<?> write : writes) {
                write.get(10, TimeUnit.SECONDS);
            }
            List<Future<Optional<Document>>> reads = new ArrayList<>();
            for (int i = 0; i < 410; i++) {
                int n = i;
                reads.add(callers.submit(() -> docs.find("doc-" + n)));
            }
            for (int i = 0; i < 410; i++) {
                Optional<Document> found = reads.get(i).get(10, TimeUnit.SECONDS);
                if (i < 400) {
                    assertEquals(i, found.orElseThrow().getInteger("n"));
                } else {
                    assertTrue(found.isEmpty(), "doc-" + i + " was never written");
                }
            }
            assertEquals(400, collection.countDocuments());
            assertTrue(finds.get() < 410, "410 reads from 16 threads made " + finds.get() + " finds");
            assertTrue(bulkWrites.get() < 400, "400 writes from 16 threads made " + bulkWrites.get() + " bulk writes");
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void anUpsertReplacesTheWholeDocument() {
        try (BatchedById<Document> docs = byId()) {
            docs.upsert(new Document("_id", "a").append("old", 1));
            docs.upsert(new Document("_id", "a").append("new", 2));
            Document stored = docs.find("a").orElseThrow();
            assertEquals(2, stored.getInteger("new"));
            assertTrue(!stored.containsKey("old"), "replaced whole, not merged: " + stored.toJson());
        }
    }

    @Test
    void aWriteThatFailsFailsOnlyItsOwnRequest() throws Exception {
        collection.insertOne(new Document("_id", "taken").append("position", "p1"));
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try (BatchedById<Document> docs = byId()) {
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                // every tenth one takes a position another document holds
                String position = n % 10 == 0 ? "p1" : "q" + n;
                writes.add(callers.submit(() -> docs.upsert(new Document("_id", "doc-" + n).append("position", position))));
            }
            for (int i = 0; i < 40; i++) {
                Future<?> write = writes.get(i);
                if (i % 10 == 0) {
                    Exception failure = assertThrows(Exception.class, () -> write.get(10, TimeUnit.SECONDS));
                    MongoException cause = (MongoException) failure.getCause();
                    assertEquals(ErrorCategory.DUPLICATE_KEY, ErrorCategory.fromErrorCode(cause.getCode()), cause.getMessage());
                    assertTrue(docs.find("doc-" + i).isEmpty());
                } else {
                    write.get(10, TimeUnit.SECONDS);
                    assertEquals("q" + i, docs.find("doc-" + i).orElseThrow().getString("position"));
                }
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aConditionalWriteReplacesOnlyAMatchingDocumentAndOtherwiseFailsAsADuplicateKey() {
        collection.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true));
        try (BatchedById<Document> docs = byId()) {
            docs.upsertIf(new Document("_id", "a").append("version", 1), new Document("version", 0));
            assertEquals(1, docs.find("a").orElseThrow().getInteger("version"), "none stored: inserted");
            docs.upsertIf(new Document("_id", "a").append("version", 2).append("by", "me"), new Document("version", 1));
            assertEquals("me", docs.find("a").orElseThrow().getString("by"));

            // Written meanwhile by someone else: the stored document is not the one this write was made from.
            MongoException stale = assertThrows(MongoException.class,
                    () -> docs.upsertIf(new Document("_id", "a").append("version", 2).append("by", "stale"), new Document("version", 1)));
            assertEquals(ErrorCategory.DUPLICATE_KEY, ErrorCategory.fromErrorCode(stale.getCode()), stale.getMessage());
            assertEquals("me", docs.find("a").orElseThrow().getString("by"), "left as it was");
            assertEquals(1, collection.countDocuments());
        }
    }
}
