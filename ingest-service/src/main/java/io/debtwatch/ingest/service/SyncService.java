package io.debtwatch.ingest.service;

import io.debtwatch.ingest.config.IngestConfig;
import io.debtwatch.ingest.repository.OutboxEvent;
import io.debtwatch.ingest.repository.OutboxRepository;
import io.debtwatch.ingest.repository.RepositoryEntity;
import io.debtwatch.ingest.repository.RepositoryStore;
import io.debtwatch.ingest.repository.SyncState;
import io.debtwatch.ingest.service.git.DamagedRepositoryException;
import io.debtwatch.ingest.service.git.FetchResult;
import io.debtwatch.ingest.service.git.GitCredentials;
import io.debtwatch.ingest.service.git.GitSyncException;
import io.debtwatch.ingest.service.git.HistoryReader;
import io.debtwatch.ingest.service.git.MirrorService;
import io.debtwatch.ingest.service.git.MirrorTooLargeException;
import io.debtwatch.service.problem.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.jboss.logging.Logger;

/**
 * One sync of one repository: fetch into the mirror, plan the backfill on the first tip seen, and
 * record a {@code CommitDiscovered} for every new first-parent commit since the last tip (a force
 * push emits only the rewritten commits and is recorded). The outcome, success or failure with
 * exponential backoff, is stored on the repository.
 */
@ApplicationScoped
public class SyncService {

    private static final Logger LOG = Logger.getLogger(SyncService.class);

    private final IngestConfig config;
    private final RepositoryStore repositories;
    private final OutboxRepository outbox;
    private final MirrorService mirrors;
    private final HistoryReader history;
    private final BackfillService backfill;
    private final UrlValidator urls;
    private final SecretCipher cipher;
    private final MeterRegistry metrics;

    public SyncService(IngestConfig config, RepositoryStore repositories, OutboxRepository outbox,
            MirrorService mirrors, HistoryReader history, BackfillService backfill, UrlValidator urls,
            SecretCipher cipher, MeterRegistry metrics) {
        this.config = config;
        this.repositories = repositories;
        this.outbox = outbox;
        this.mirrors = mirrors;
        this.history = history;
        this.backfill = backfill;
        this.urls = urls;
        this.cipher = cipher;
        this.metrics = metrics;
    }

    /**
     * Syncs a repository once. The caller holds its lease.
     *
     * @param repoId the repository
     * @return whether its backfill has batches left to run
     */
    public boolean sync(String repoId) {
        RepositoryEntity repo = repositories.findById(repoId).orElse(null);
        if (repo == null) {
            return false;
        }
        long started = System.nanoTime();
        try {
            SyncState outcome = fetchAndRecord(repo);
            repositories.saveSync(repoId, outcome);
            metrics.counter("debtwatch.ingest.syncs", "outcome", outcome.status()).increment();
            return "running".equals(repositories.findById(repoId).map(r -> r.backfill().state()).orElse(""));
        } catch (DamagedRepositoryException e) {
            // a damaged mirror is rebuilt from the remote on the next attempt; the outbox ledger
            // keeps commits already sent from being sent again
            mirrors.delete(repoId);
            fail(repo, e.getMessage() + " (the mirror is fetched again on the next attempt)");
            return false;
        } catch (MirrorTooLargeException e) {
            // an oversized mirror is not kept: it would hold the disk while the repository is not watched
            boolean removed = mirrors.delete(repoId);
            fail(repo, e.getMessage() + (removed ? "; the mirror was removed from disk" : ""));
            return false;
        } catch (GitSyncException | ProblemException | IllegalStateException e) {
            fail(repo, e.getMessage());
            return false;
        } finally {
            metrics.timer("debtwatch.ingest.sync.duration").record(Duration.ofNanos(System.nanoTime() - started));
            if (repositories.findById(repoId).isEmpty()) {
                // deleted while this sync fetched: the delete could not remove files still being written
                mirrors.delete(repoId);
            }
        }
    }

    private SyncState fetchAndRecord(RepositoryEntity repo) throws GitSyncException {
        urls.recheck(new RemoteUrl(repo.url(), repo.urlKey(), repo.host(), repo.local()));
        GitCredentials credentials = new GitCredentials(cipher.decrypt(repo.sealedToken(), repo.id()),
                cipher.decrypt(repo.sealedSshKey(), repo.id()));
        FetchResult fetched = mirrors.fetch(repo.id(), repo.url(), credentials, repo.defaultBranch());
        Instant now = Instant.now();
        SyncState sync = repo.sync();
        if (fetched.empty()) {
            return success(repo, "empty", sync.lastTip(), sync, now);
        }
        if (fetched.tip() == null) {
            throw new GitSyncException("branch '" + repo.defaultBranch()
                    + "' does not exist on the remote (deleted or renamed?)", null);
        }
        try (Repository mirror = mirrors.open(repo.id())) {
            if ("pending".equals(repo.backfill().state())) {
                backfill.plan(repo, mirror, fetched.tip());
                return success(repo, "ok", fetched.tip().name(), sync, now);
            }
            ObjectId since = sync.lastTip() == null ? null : ObjectId.fromString(sync.lastTip());
            if (fetched.tip().equals(since)) {
                return success(repo, "ok", sync.lastTip(), sync, now);
            }
            boolean rewritten = since != null && !history.isAncestor(mirror, since, fetched.tip());
            recordNew(repo, mirror, fetched.tip(), since);
            if (rewritten) {
                LOG.infof("force push on %s/%s: %s -> %s", repo.org(), repo.id(), since.name(),
                        fetched.tip().name());
                sync = new SyncState(sync.status(), sync.lastSuccessAt(), sync.lastError(),
                        sync.consecutiveFailures(), sync.nextAttemptAt(), sync.lastTip(), since.name(),
                        fetched.tip().name(), now);
            }
            return success(repo, "ok", fetched.tip().name(), sync, now);
        }
    }

    private void recordNew(RepositoryEntity repo, Repository mirror, ObjectId tip, ObjectId since)
            throws GitSyncException {
        List<ObjectId> fresh = history.newOnFirstParent(mirror, tip, since);
        long tipDepth = history.depth(mirror, tip);
        int batchSize = config.backfill().batchSize();
        List<OutboxEvent> batch = new ArrayList<>();
        for (int i = fresh.size() - 1; i >= 0; i--) {
            batch.add(OutboxEvents.commit(repo, history.read(mirror, fresh.get(i), tipDepth - i), false));
            if (batch.size() >= batchSize) {
                outbox.record(batch);
                batch = new ArrayList<>();
            }
        }
        outbox.record(batch);
    }

    private SyncState success(RepositoryEntity repo, String status, String tip, SyncState before, Instant now) {
        return new SyncState(status, now, null, 0, now.plus(withJitter(Duration.ofSeconds(repo.pollIntervalSeconds()))),
                tip, before.lastRewriteFrom(), before.lastRewriteTo(), before.lastRewriteAt());
    }

    private void fail(RepositoryEntity repo, String message) {
        SyncState before = repo.sync();
        int failures = before.consecutiveFailures() + 1;
        Instant now = Instant.now();
        Instant next = now.plus(withJitter(backoff(repo.pollIntervalSeconds(), failures)));
        LOG.warnf("sync of %s/%s failed (%d in a row, next at %s): %s", repo.org(), repo.id(), failures, next,
                message);
        metrics.counter("debtwatch.ingest.syncs", "outcome", "failing").increment();
        repositories.saveSync(repo.id(), new SyncState("failing", before.lastSuccessAt(), message, failures, next,
                before.lastTip(), before.lastRewriteFrom(), before.lastRewriteTo(), before.lastRewriteAt()));
        if (failures == 1) {
            // once per outage, not per retry: subscribers of repository.sync_failed hear it once
            outbox.record(List.of(OutboxEvents.syncFailed(repo, message, failures, now)));
        }
    }

    /**
     * @param intervalSeconds the repository's poll interval
     * @param failures        consecutive failures so far, at least 1
     * @return the wait before the next attempt: doubling from a tenth of the interval (at least 5 s),
     *         capped by the poll interval times 2^failures and the configured maximum
     */
    Duration backoff(int intervalSeconds, int failures) {
        long base = Math.max(5, intervalSeconds / 10);
        long seconds = base << Math.min(failures - 1, 20);
        return Duration.ofSeconds(Math.min(seconds, config.polling().maxBackoff().toSeconds()));
    }

    private Duration withJitter(Duration wait) {
        double fraction = config.polling().jitter();
        long millis = wait.toMillis();
        long extra = fraction <= 0 ? 0 : (long) (millis * fraction * ThreadLocalRandom.current().nextDouble());
        return Duration.ofMillis(millis + extra);
    }
}
