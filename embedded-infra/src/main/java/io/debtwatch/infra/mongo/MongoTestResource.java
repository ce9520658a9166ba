package io.debtwatch.infra.mongo;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A Quarkus test resource with one in-memory MongoDB-wire server per test JVM, shared by every test
 * class and stopped when the JVM exits.
 */
public class MongoTestResource implements QuarkusTestResourceLifecycleManager {

    private static MongoWireServer server;

    /**
     * @return the JVM's server, started on first use
     */
    public static synchronized MongoWireServer server() {
        if (server == null) {
            server = MongoWireServer.inMemory(0);
            MongoWireServer started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "test-mongo-shutdown"));
        }
        return server;
    }

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.mongodb.connection-string", server().connectionString(),
                "quarkus.mongodb.devservices.enabled", "false");
    }

    @Override
    public void stop() {
        // the server outlives each test class and stops with the JVM
    }
}
