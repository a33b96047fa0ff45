package dev.copilotsuite.tools.mongo.bench;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import dev.copilotsuite.tools.mongo.storage.BsonH2Backend;

/**
 * The server process of {@link MongoServerBench}: {@code typed} is the backend MongoServerMain serves,
 * {@code legacy} is mongo-java-server's own H2Backend (Java-serialised values), kept here so the
 * before/after comparison can be rerun at any time. Usage: {@code BenchServer typed|legacy <port> <file>}.
 */
public final class BenchServer {

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int port = Integer.parseInt(args[1]);
        Path file = Path.of(args[2]);
        H2Backend backend;
        if ("legacy".equals(mode)) {
            backend = new H2Backend(file.toString());
        } else if ("typed".equals(mode)) {
            backend = BsonH2Backend.open(file);
        } else {
            throw new IllegalArgumentException("mode is typed or legacy, not " + mode);
        }
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        System.out.println("listening " + port);
        System.out.flush();
        // Stops when the benchmark closes our stdin.
        while (System.in.read() >= 0) {
            // keep reading
        }
        server.shutdown();
        backend.close();
        new CountDownLatch(0).await();
    }

    private BenchServer() {
    }
}
