package dev.copilotsuite.testing;

import java.net.InetSocketAddress;
import java.util.Map;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * What a service test runs against: a real Kafka broker, a MongoDB wire-protocol server and JWT
 * keys, all in the test JVM on loopback ports. No Docker, no network.
 */
public class CopilotTestResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedKafka kafka;
    private MongoServer mongo;

    @Override
    public Map<String, String> start() {
        kafka = EmbeddedKafka.start();
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        InetSocketAddress address = mongo.getLocalAddress();
        TestKeys keys = TestKeys.get();
        return Map.of(
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "quarkus.mongodb.connection-string", "mongodb://127.0.0.1:" + address.getPort(),
                "mp.jwt.verify.publickey.location", keys.publicKey().toString(),
                "smallrye.jwt.sign.key.location", keys.privateKey().toString());
    }

    @Override
    public void stop() {
        if (mongo != null) {
            mongo.shutdownNow();
        }
        if (kafka != null) {
            kafka.close();
        }
    }
}
