package io.debtwatch.ingest.repository;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.debtwatch.infra.mongo.MongoTestResource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas' lease logic against one MongoDB-wire server, each with its own client: one holds a
 * repository, dies (stops renewing), and the other takes the work over.
 */
class LeaseRepositoryTest {

    private MongoClient clientA;
    private MongoClient clientB;
    private LeaseRepository replicaA;
    private LeaseRepository replicaB;
    private final String lease = "sync:" + UUID.randomUUID();

    @BeforeEach
    void twoReplicas() {
        String uri = MongoTestResource.server().connectionString();
        clientA = MongoClients.create(uri);
        clientB = MongoClients.create(uri);
        replicaA = new LeaseRepository(new IngestDatabase(clientA, "debtwatch_ingest_leases"));
        replicaB = new LeaseRepository(new IngestDatabase(clientB, "debtwatch_ingest_leases"));
    }

    @AfterEach
    void close() {
        clientA.close();
        clientB.close();
    }

    @Test
    void whenTheOwnerDiesTheOtherReplicaTakesOver() throws Exception {
        Duration duration = Duration.ofMillis(800);
        assertThat(replicaA.tryAcquire(lease, "a", duration, Instant.now()), is(true));
        assertThat(replicaB.tryAcquire(lease, "b", duration, Instant.now()), is(false));
        assertThat(replicaA.tryAcquire(lease, "a", duration, Instant.now()), is(true));
        assertThat(replicaB.owner(lease, Instant.now()), equalTo("a"));

        // replica a dies here: it never renews again
        Instant giveUp = Instant.now().plusSeconds(5);
        boolean tookOver = false;
        while (!tookOver && Instant.now().isBefore(giveUp)) {
            tookOver = replicaB.tryAcquire(lease, "b", duration, Instant.now());
            Thread.sleep(50);
        }
        assertThat(tookOver, is(true));
        assertThat(replicaA.owner(lease, Instant.now()), equalTo("b"));
        assertThat(replicaA.tryAcquire(lease, "a", duration, Instant.now()), is(false));
    }

    @Test
    void releaseHandsTheWorkOverAtOnce() {
        Duration duration = Duration.ofMinutes(5);
        assertThat(replicaA.tryAcquire(lease, "a", duration, Instant.now()), is(true));
        replicaB.release(lease, "b");
        assertThat(replicaB.tryAcquire(lease, "b", duration, Instant.now()), is(false));
        replicaA.release(lease, "a");
        assertThat(replicaA.owner(lease, Instant.now()), nullValue());
        assertThat(replicaB.tryAcquire(lease, "b", duration, Instant.now()), is(true));
    }

    @Test
    void concurrentReplicasNeverBothHoldALease() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                LeaseRepository replica = i % 2 == 0 ? replicaA : replicaB;
                String owner = "replica-" + i;
                attempts.add(() -> replica.tryAcquire(lease, owner, Duration.ofMinutes(1), Instant.now()));
            }
            int winners = 0;
            for (Future<Boolean> result : pool.invokeAll(attempts)) {
                winners += result.get() ? 1 : 0;
            }
            assertThat(winners, equalTo(1));
        } finally {
            pool.shutdownNow();
        }
    }
}
