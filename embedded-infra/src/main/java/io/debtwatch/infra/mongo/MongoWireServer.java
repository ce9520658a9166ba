package io.debtwatch.infra.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * A server that speaks the MongoDB wire protocol (mongo-java-server): in memory for tests, on disk
 * (H2 MVStore, with natively ordered unique indexes: {@link OrderedKeyH2Backend}) for local runs. It reports MongoDB 4.4 (what current drivers and mongosh need) and lacks some features of a real server; see
 * INFRA.md for what the platform may use.
 */
public final class MongoWireServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MongoWireServer.class);

    private final MongoServer server;
    private final MongoBackend backend;
    private final String connectionString;

    private MongoWireServer(MongoBackend backend, int port) {
        this.backend = backend.version(new ReportedVersion());
        this.server = new MongoServer(this.backend);
        server.bind("127.0.0.1", port);
        this.connectionString = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
    }

    /** Serves any backend; tests use it to write data files with the stock H2 backend. */
    static MongoWireServer serving(MongoBackend backend, int port) {
        return new MongoWireServer(backend, port);
    }

    /**
     * @param port the port on 127.0.0.1, 0 for any free one
     * @return a running server that forgets everything when closed
     */
    public static MongoWireServer inMemory(int port) {
        return new MongoWireServer(new MemoryBackend(), port);
    }

    /**
     * @param file the H2 database file; created when missing, reused when present
     * @param port the port on 127.0.0.1
     * @return a running server whose data survives restarts
     */
    public static MongoWireServer onDisk(Path file, int port) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file.getParent(), e);
        }
        MongoWireServer server = new MongoWireServer(new OrderedKeyH2Backend(file.toAbsolutePath().toString()), port);
        LOG.infof("MongoDB-wire server ready on %s (data in %s)", server.connectionString(), file);
        return server;
    }

    /**
     * @return a MongoDB connection string for this server
     */
    public String connectionString() {
        return connectionString;
    }

    @Override
    public void close() {
        server.shutdown();
        backend.close();
    }

    /** MongoDB 4.4, wire version 9: the oldest that the current Java driver and mongosh accept. */
    private static final class ReportedVersion implements MongoVersion {

        @Override
        public java.util.List<Integer> getVersionArray() {
            return java.util.List.of(4, 4, 0);
        }

        @Override
        public int getWireVersion() {
            return 9;
        }
    }
}
