package dev.copilotsuite.tools.mongo.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

/**
 * Drives the mongo-server over the wire with the MongoDB driver, one client thread, and reports ops/s
 * and the server process's CPU per op (from /proc/&lt;pid&gt;/stat). The server runs in its own JVM so
 * that its CPU is its own. Usage: {@code MongoServerBench [typed|legacy] [scale] [keys|lines]}; scale 1 is 4,000
 * single-document ops per workload; {@code keys} runs the key-order workloads instead (on a server of
 * their own: after the others, 200,000 random keys outgrow the bench server's heap), {@code lines} the call
 * lines' workload.
 */
public final class MongoServerBench {

    private static final long CLOCK_TICKS_PER_SECOND = 100; // Linux USER_HZ
    private final Random random = new Random(42);

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "typed";
        double scale = args.length > 1 ? Double.parseDouble(args[1]) : 1.0;
        String only = args.length > 2 ? args[2] : "";
        new MongoServerBench().run(mode, scale, only);
    }

    private void run(String mode, double scale, String only) throws Exception {
        Path dir = Files.createTempDirectory("mongo-bench");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
        // e.g. MONGO_BENCH_SERVER_OPTS=-XX:StartFlightRecording=filename=server.jfr,settings=profile
        String extra = System.getenv("MONGO_BENCH_SERVER_OPTS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchServer.class.getName(), mode,
            String.valueOf(port), dir.resolve("bench.mv").toString()));
        Process server = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            while (line != null && !line.startsWith("listening")) {
                line = out.readLine(); // e.g. the JVM's own notes when MONGO_BENCH_SERVER_OPTS adds a recording
            }
            if (line == null) {
                throw new IllegalStateException("server did not start: " + line);
            }
            System.out.printf("mongo-server bench: backend %s, pid %d, scale %.2f%n", mode, server.pid(), scale);
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
                int n = (int) Math.max(50, 4000 * scale);
                if ("keys".equals(only)) {
                    keyOrder(client.getDatabase("bench"), server.pid(), n);
                } else if ("lines".equals(only)) {
                    callLines(client.getDatabase("bench"), server.pid(), n);
                } else {
                    workloads(client.getDatabase("bench"), server.pid(), n);
                }
            }
        } finally {
            server.getOutputStream().close();
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void workloads(MongoDatabase db, long pid, int n) throws IOException {
        MongoCollection<Document> docs = db.getCollection("docs");
        MongoCollection<Document> segments = db.getCollection("segments");
        segments.createIndex(Indexes.ascending("segmentId"), new IndexOptions().unique(true));
        MongoCollection<Document> upserts = db.getCollection("upserts");

        Document sample = nestedDocument(0);
        int size = new RawBsonDocument(sample, new DocumentCodec()).getByteBuffer().remaining();
        System.out.printf("document: %d bytes of BSON, nested documents and arrays%n", size);
        System.out.printf("%-34s %10s %16s%n", "workload", "ops/s", "server CPU/op");

        List<ObjectId> ids = new ArrayList<>();
        measure("insertOne 2 KB document", pid, n, i -> {
            ObjectId id = new ObjectId();
            docs.insertOne(nestedDocument(i).append("_id", id));
            ids.add(id);
        });
        measure("find by _id", pid, n, i -> {
            if (docs.find(Filters.eq("_id", ids.get(random.nextInt(ids.size())))).first() == null) {
                throw new IllegalStateException("missing document");
            }
        });
        measure("updateOne $set by _id", pid, n, i -> docs.updateOne(
            Filters.eq("_id", ids.get(random.nextInt(ids.size()))),
            Updates.combine(Updates.set("version", i), Updates.set("inputs.bucket1.accounts", 1000 + i))));
        measure("insertOne, unique index", pid, n, i -> segments.insertOne(
            nestedDocument(i).append("segmentId", UUID.randomUUID().toString())));
        measure("find $in 20 _ids", pid, n / 4, i -> {
            List<ObjectId> wanted = new ArrayList<>();
            for (int k = 0; k < 20; k++) {
                wanted.add(ids.get(random.nextInt(ids.size())));
            }
            int found = 0;
            for (Document ignored : docs.find(Filters.in("_id", wanted))) {
                found++;
            }
            if (found == 0) {
                throw new IllegalStateException("nothing found");
            }
        });
        measure("bulkWrite 50 upserts", pid, n / 20, i -> {
            List<WriteModel<Document>> models = new ArrayList<>();
            for (int k = 0; k < 50; k++) {
                String id = "key-" + random.nextInt(2000);
                models.add(new ReplaceOneModel<>(Filters.eq("_id", id), nestedDocument(i).append("_id", id),
                    new ReplaceOptions().upsert(true)));
            }
            upserts.bulkWrite(models);
        });
    }

    /**
     * Small documents inserted 100 at a time (as the suite's batched marks are) into a collection already
     * holding many: with random {@code _id}s nearly every insert lands on another B-tree leaf, and every leaf
     * changed since the last commit is written whole; with ids in time order they land on the last leaf.
     */
    private void keyOrder(MongoDatabase db, long pid, int n) throws IOException {
        int prefill = 50 * n;
        for (String order : List.of("random", "time-ordered")) {
            MongoCollection<Document> marks = db.getCollection("marks-" + order);
            long[] next = {0};
            java.util.function.Supplier<String> key = "random".equals(order)
                ? () -> "consumer:" + UUID.randomUUID()
                : () -> String.format("consumer:%016x-%s", next[0]++, UUID.randomUUID());
            for (int done = 0; done < prefill; done += 1000) {
                List<Document> batch = new ArrayList<>();
                for (int k = 0; k < 1000; k++) {
                    batch.add(new Document("_id", key.get()).append("processedAt", new Date()));
                }
                marks.insertMany(batch);
            }
            measure("insertMany 100 marks, " + order + " _id (per 100)", pid, n / 4, i -> {
                List<Document> batch = new ArrayList<>();
                for (int k = 0; k < 100; k++) {
                    batch.add(new Document("_id", key.get()).append("processedAt", new Date()));
                }
                marks.insertMany(batch);
            });
        }
    }

    /**
     * A live call's transcript lines as copilot-service stores them: 1,000 calls at once, each call's lines keyed
     * {@code callId:segment} and positioned {@code callId#n} (uniquely indexed), written 50 at a time across the
     * calls, into a collection that already holds 100 lines of each call. Keys grow within a call but not across
     * calls, so a batch lands on as many leaves as it has calls.
     */
    private void callLines(MongoDatabase db, long pid, int n) throws IOException {
        MongoCollection<Document> lines = db.getCollection("call_segments");
        lines.createIndex(new Document("position", 1), new com.mongodb.client.model.IndexOptions().unique(true));
        int calls = 1000;
        List<String> callIds = new ArrayList<>();
        for (int c = 0; c < calls; c++) {
            callIds.add("demo:call-" + UUID.randomUUID());
        }
        long[] count = new long[calls];
        int[] turn = {0};
        java.util.function.Supplier<Document> line = () -> {
            int c = turn[0]++ % calls;
            String callId = callIds.get(c);
            long seq = ++count[c];
            return new Document("_id", callId + ":" + UUID.randomUUID()).append("callId", callId).append("seq", seq)
                .append("position", callId + "#" + seq)
                .append("line", new Document("segmentId", UUID.randomUUID().toString()).append("speaker", "CUSTOMER")
                    .append("text", "line " + seq + " of the benchmark, about as long as a caller's sentence is")
                    .append("partial", false))
                .append("eventId", UUID.randomUUID().toString());
        };
        for (int done = 0; done < 100 * calls; done += 1000) {
            List<Document> batch = new ArrayList<>();
            for (int k = 0; k < 1000; k++) {
                batch.add(line.get());
            }
            lines.insertMany(batch);
        }
        measure("insertMany 50 call lines over 1,000 calls (per 50)", pid, n / 2, i -> {
            List<Document> batch = new ArrayList<>();
            for (int k = 0; k < 50; k++) {
                batch.add(line.get());
            }
            lines.insertMany(batch);
        });
    }

    private interface Op {
        void run(int i);
    }

    private static void measure(String name, long pid, int n, Op op) throws IOException {
        int warmup = Math.max(10, n / 4);
        for (int i = 0; i < warmup; i++) {
            op.run(i);
        }
        long cpu0 = cpuTicks(pid);
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            op.run(warmup + i);
        }
        long nanos = System.nanoTime() - t0;
        long ticks = cpuTicks(pid) - cpu0;
        double opsPerSecond = n / (nanos / 1e9);
        double cpuMicrosPerOp = ticks * (1e6 / CLOCK_TICKS_PER_SECOND) / n;
        System.out.printf("%-34s %10.0f %13.0f µs%n", name, opsPerSecond, cpuMicrosPerOp);
    }

    /** utime + stime of a process, in clock ticks. */
    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** About 2 KB of BSON shaped like a calculator state: nested inputs, a history array, dates, decimals. */
    private Document nestedDocument(int i) {
        Document inputs = new Document();
        for (int b = 1; b <= 4; b++) {
            inputs.append("bucket" + b, new Document("accounts", 1000 * b + i)
                .append("balance", 1250.5 * b)
                .append("reachRate", 0.35 + b / 100.0)
                .append("promiseRate", 0.2)
                .append("keptRate", 0.7)
                .append("strategy", b % 2 == 0 ? "AI_FIRST" : "HUMAN_FIRST"));
        }
        List<Document> history = new ArrayList<>();
        for (int h = 0; h < 6; h++) {
            history.add(new Document("op", "set").append("path", "bucket" + (h % 4 + 1) + ".accounts")
                .append("value", h * 10.0).append("by", "user-" + h).append("at", new Date(1_700_000_000_000L + h)));
        }
        return new Document("tenantId", "tenant-" + (i % 7))
            .append("sessionId", "session-" + i)
            .append("version", (long) i)
            .append("createdAt", new Date())
            .append("inputs", inputs)
            .append("humanAgents", 120)
            .append("amount", Decimal128.parse("12345.67"))
            .append("tags", List.of("collections", "roi", "bench"))
            .append("history", history)
            .append("note", "x".repeat(700));
    }

    private MongoServerBench() {
    }

    static {
        // keep the driver's logging quiet
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        BsonDocument.class.getName();
    }
}
