package dev.copilotsuite.tools.mongo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import de.bwaldvogel.mongo.MongoServer;
import dev.copilotsuite.tools.mongo.storage.BsonH2Backend;

/**
 * Serves the MongoDB wire protocol on loopback with its data in one H2 MVStore file (documents stored
 * as BSON, see {@link BsonH2Backend}), so a local run keeps its data across restarts without a MongoDB
 * install. Usage: {@code MongoServerMain <port> <data-file>}.
 */
public final class MongoServerMain {

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: MongoServerMain <port> <data-file>");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Path file = Path.of(args[1]).toAbsolutePath();
        Files.createDirectories(file.getParent());
        BsonH2Backend backend = BsonH2Backend.open(file);
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        System.out.println("mongo-server: listening on 127.0.0.1:" + port + ", data in " + file);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // A clean close flushes the H2 store; a kill -9 can lose the last writes.
            server.shutdown();
            backend.close();
            stopped.countDown();
        }));
        stopped.await();
    }

    private MongoServerMain() {
    }
}
