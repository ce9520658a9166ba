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
import java.util.concurrent.ScheduledExecutorService;
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
    private final ScheduledExecutorService renewer;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final Set<String> held = ConcurrentHashMap.newKeySet();

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
        this.renewer = Executors.newSingleThreadScheduledExecutor(named("ingest-lease-renewal"));
        long every = Math.max(1, config.polling().leaseDuration().toMillis() / 3);
        renewer.scheduleAtFixedRate(this::renewHeld, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Extends the leases of work still running here (a long first fetch), so no other replica
     * starts the same work while this one is alive; a dead replica stops renewing and loses them.
     */
    private void renewHeld() {
        for (String key : held) {
            try {
                if (!leases.tryAcquire(key, replica.id(), config.polling().leaseDuration(), Instant.now())) {
                    LOG.warnf("lease %s was taken by another replica while this one still worked on it", key);
                }
            } catch (RuntimeException e) {
                LOG.warnf("cannot renew lease %s: %s", key, e.getMessage());
            }
        }
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
                        held.add(key);
                        try {
                            work.run();
                        } finally {
                            held.remove(key);
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
        renewer.shutdownNow();
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
