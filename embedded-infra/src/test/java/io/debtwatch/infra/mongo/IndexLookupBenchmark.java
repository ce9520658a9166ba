package io.debtwatch.infra.mongo;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.bson.Document;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upserts and finds by a string {@code _id} through the driver against the on-disk wire server, with the
 * stock H2 backend and with {@link OrderedKeyH2Backend}, each on a fresh file, twice in turn (the first
 * round warms the JIT). Prints wall time and the CPU time of the server's threads (netty workers and
 * the MVStore's background threads); asserts nothing about speed. Run: see docs/benchmarks.md, "MongoDB-wire server
 * index lookups".
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class IndexLookupBenchmark {

    private static final Logger LOG = Logger.getLogger(IndexLookupBenchmark.class);
    /** Netty's boss and workers, and the MVStore's background threads (H2-serialization, H2-save). */
    private static final Pattern SERVER_THREADS = Pattern.compile("mongo-server|H2-|MVStore");
    private static final String REPO = "65f1c0ffee0000000000beef";

    @TempDir
    Path dir;

    @Test
    void upsertsAndFindsById() throws IOException {
        int operations = Integer.getInteger("benchmark.operations", 20_000);
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "%,d upserts + %,d finds by string _id, server threads' CPU%n", operations, operations));
        for (int round = 1; round <= 2; round++) {
            report.append(measure("stock H2Backend", round, operations,
                    file -> MongoWireServer.serving(new H2Backend(file.toString()), 0)));
            report.append(measure("OrderedKeyH2Backend", round, operations, file -> MongoWireServer.onDisk(file, 0)));
        }
        LOG.info(report);
        Files.writeString(Path.of("target", "benchmark-index-lookups.txt"), report);
    }

    private String measure(String name, int round, int operations, Function<Path, MongoWireServer> start) {
        Path file = dir.resolve(name.replace(' ', '-') + "-" + round + ".mv");
        try (MongoWireServer server = start.apply(file);
                MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> things = client.getDatabase("bench").getCollection("things");
            things.insertOne(new Document("_id", "warm-up"));
            long cpu0 = serverCpuNanos();
            long wall0 = System.nanoTime();
            for (int i = 0; i < operations; i++) {
                things.updateOne(eq("_id", id(i)), Updates.set("n", i), new UpdateOptions().upsert(true));
            }
            long cpu1 = serverCpuNanos();
            long wall1 = System.nanoTime();
            for (int i = 0; i < operations; i++) {
                int j = (int) ((long) i * 7919 % operations);
                assertEquals(j, things.find(eq("_id", id(j))).first().getInteger("n"));
            }
            long cpu2 = serverCpuNanos();
            long wall2 = System.nanoTime();
            assertEquals(operations + 1, things.countDocuments());
            return String.format(Locale.ROOT,
                    "round %d %-20s upserts: wall %6.2f s, server CPU %6.2f s (%5.0f us/op) | finds: wall %6.2f s, server CPU %6.2f s (%5.0f us/op)%n",
                    round, name, (wall1 - wall0) / 1e9, (cpu1 - cpu0) / 1e9, (cpu1 - cpu0) / 1e3 / operations,
                    (wall2 - wall1) / 1e9, (cpu2 - cpu1) / 1e9, (cpu2 - cpu1) / 1e3 / operations);
        }
    }

    /** Like the platform's commit-keyed ids: a repository id and a commit hash. */
    private static String id(int i) {
        return REPO + ":" + String.format("%040x", (long) i * 0x9E3779B97F4A7C15L);
    }

    private static long serverCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && SERVER_THREADS.matcher(info.getThreadName()).lookingAt()) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }
}
