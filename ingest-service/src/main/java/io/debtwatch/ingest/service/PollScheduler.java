package io.debtwatch.ingest.service;

import io.debtwatch.ingest.messaging.OutboxPublisher;
import io.debtwatch.ingest.repository.RepositoryStore;
import io.debtwatch.ingest.repository.WatchedRepository;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Polls every repository whose next attempt is due, then sends what the polls found. */
@ApplicationScoped
public class PollScheduler {

    private final RepositoryStore repositories;
    private final SyncService sync;
    private final OutboxPublisher publisher;

    PollScheduler(RepositoryStore repositories, SyncService sync, OutboxPublisher publisher) {
        this.repositories = repositories;
        this.sync = sync;
        this.publisher = publisher;
    }

    /** Runs every second; a round still running makes the next one skip. */
    @Scheduled(every = "${debtwatch.ingest.poll-tick}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void pollDue() {
        int found = 0;
        for (WatchedRepository repository : repositories.due(Instant.now())) {
            found += sync.sync(repository);
        }
        if (found > 0) {
            publisher.publishPending();
        }
    }
}
