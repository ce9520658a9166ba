package io.debtwatch.ingest.service;

import io.debtwatch.events.CommitDiscovered;
import io.debtwatch.events.EventJson;
import io.debtwatch.events.EventTypes;
import io.debtwatch.events.Topics;
import io.debtwatch.ingest.repository.CommitLedger;
import io.debtwatch.ingest.messaging.OutboxPublisher;
import io.debtwatch.ingest.repository.RepositoryStore;
import io.debtwatch.service.outbox.OutboxMessage;
import io.debtwatch.ingest.repository.WatchedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jgit.lib.Repository;
import org.jboss.logging.Logger;

/**
 * One sync of one repository: fetch into its mirror, find the commits not announced yet, record
 * them in the outbox, and schedule the next poll (with jitter, and exponential backoff after
 * failures).
 */
@ApplicationScoped
public class SyncService {

    private static final Logger LOG = Logger.getLogger(SyncService.class);
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(15);

    private final GitMirrors mirrors;
    private final CommitDiscovery discovery;
    private final CommitLedger ledger;
    private final OutboxPublisher outbox;
    private final RepositoryStore repositories;

    SyncService(GitMirrors mirrors, CommitDiscovery discovery, CommitLedger ledger, OutboxPublisher outbox,
            RepositoryStore repositories) {
        this.mirrors = mirrors;
        this.discovery = discovery;
        this.ledger = ledger;
        this.outbox = outbox;
        this.repositories = repositories;
    }

    /**
     * @param repository the repository to sync
     * @return how many commits were newly announced
     */
    public int sync(WatchedRepository repository) {
        repositories.markSyncing(repository.id());
        Instant now = Instant.now();
        try (Repository mirror = mirrors.fetch(repository.id(), repository.url())) {
            List<CommitDiscovered> commits = discovery.discover(mirror, repository);
            long backfilled = commits.stream().filter(CommitDiscovered::backfill).count();
            if (backfilled > 0) {
                repositories.addBackfillPlanned(repository.id(), backfilled);
            }
            for (CommitDiscovered commit : commits) {
                outbox.enqueue(new OutboxMessage(commit.eventId(), Topics.COMMITS, commit.repoId(),
                        EventTypes.COMMIT_DISCOVERED, EventJson.write(commit), commit.repoId(), commit.backfill()));
                ledger.record(commit.repoId(), commit.sha(), commit.depth());
            }
            repositories.recordSuccess(repository.id(), now, nextPoll(now, repository));
            return commits.size();
        } catch (GitAccessException | IOException e) {
            int failures = repository.sync().consecutiveFailures() + 1;
            LOG.warnf("sync of repository %s failed (%d in a row): %s", repository.id(), failures, e.getMessage());
            repositories.recordFailure(repository.id(), e.getMessage(), now.plus(backoff(failures)));
            return 0;
        }
    }

    private static Instant nextPoll(Instant now, WatchedRepository repository) {
        long interval = repository.pollIntervalSeconds() * 1000L;
        long jitter = ThreadLocalRandom.current().nextLong(Math.max(1, interval / 10));
        return now.plusMillis(interval + jitter);
    }

    static Duration backoff(int failures) {
        Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(failures - 1, 20));
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }
}
