package io.debtwatch.ingest.service;

import io.debtwatch.ingest.config.IngestConfig;
import io.debtwatch.ingest.repository.LeaseRepository;
import io.debtwatch.ingest.repository.RepositoryEntity;
import io.debtwatch.ingest.repository.RepositoryStore;
import io.debtwatch.ingest.service.git.GitSyncException;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Runs due syncs and backfill batches on a small worker pool. Each piece of work is guarded by a
 * MongoDB lease, so among several replicas one fetches a repository at a time; a replica that dies
 * stops renewing and its repositories are taken over when the lease expires.
 */
@ApplicationScoped
public class SyncScheduler {

    private static final Logger LOG = Logger.getLogger(SyncScheduler.class);

    private final IngestConfig config;
    private final RepositoryStore repositories;
    private final LeaseRepository leases;
    private final ReplicaIdentity replica;
    private final SyncService syncs;
    private final BackfillService backfills;
    private final ExecutorService syncWorkers;
    private final ExecutorService backfillWorkers;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    public SyncScheduler(IngestConfig config, RepositoryStore repositories, LeaseRepository leases,
            ReplicaIdentity replica, SyncService syncs, BackfillService backfills) {
        this.config = config;
        this.repositories = repositories;
        this.leases = leases;
        this.replica = replica;
        this.syncs = syncs;
        this.backfills = backfills;
        this.syncWorkers = Executors.newFixedThreadPool(config.polling().workers(), named("ingest-sync"));
        this.backfillWorkers = Executors.newFixedThreadPool(Math.max(1, config.polling().workers() / 2),
                named("ingest-backfill"));
    }

    @Scheduled(every = "${debtwatch.ingest.polling.tick}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        for (RepositoryEntity repo : repositories.dueForSync(Instant.now(), config.polling().batchSize())) {
            submitSync(repo.id());
        }
        for (RepositoryEntity repo : repositories.backfillsRunning(config.polling().batchSize())) {
            submitBackfill(repo.id());
        }
    }

    /**
     * Makes a repository due and starts its sync at once on this replica if no other replica holds it.
     *
     * @param repoId the repository
     */
    public void syncNow(String repoId) {
        repositories.dueNow(repoId, Instant.now());
        submitSync(repoId);
    }

    private void submitSync(String repoId) {
        submit(syncWorkers, "sync:" + repoId, () -> {
            if (syncs.sync(repoId)) {
                submitBackfill(repoId);
            }
        });
    }

    private void submitBackfill(String repoId) {
        submit(backfillWorkers, "backfill:" + repoId, () -> {
            try {
                backfills.run(repoId, config.polling().leaseDuration().dividedBy(2));
            } catch (GitSyncException e) {
                backfills.recordFailure(repoId, e.getMessage());
            }
        });
    }

    /**
     * Runs a piece of work on a pool, at most once at a time on this replica (the in-flight set)
     * and across replicas (the lease of the same name).
     */
    private void submit(ExecutorService pool, String key, Runnable work) {
        if (!inFlight.add(key)) {
            return;
        }
        try {
            pool.execute(() -> {
                try {
                    if (leases.tryAcquire(key, replica.id(), config.polling().leaseDuration(), Instant.now())) {
                        try {
                            work.run();
                        } finally {
                            leases.release(key, replica.id());
                        }
                    }
                } catch (RuntimeException e) {
                    LOG.errorf(e, "%s failed unexpectedly", key);
                } finally {
                    inFlight.remove(key);
                }
            });
        } catch (RejectedExecutionException e) {
            inFlight.remove(key);
            LOG.debugf("%s not started: the service is stopping", key);
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        syncWorkers.shutdown();
        backfillWorkers.shutdown();
        syncWorkers.awaitTermination(10, TimeUnit.SECONDS);
        backfillWorkers.awaitTermination(10, TimeUnit.SECONDS);
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
