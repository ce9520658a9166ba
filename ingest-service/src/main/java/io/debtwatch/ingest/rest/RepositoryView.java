package io.debtwatch.ingest.rest;

import io.debtwatch.ingest.repository.SyncStatus;
import io.debtwatch.ingest.repository.WatchedRepository;
import java.time.Instant;

/**
 * A repository as the API shows it.
 *
 * @param id                  the repository id
 * @param org                 its organisation
 * @param team                its team
 * @param name                display name
 * @param url                 clone URL (never with credentials)
 * @param defaultBranch       the watched branch
 * @param pollIntervalSeconds poll interval
 * @param backfill            the backfill policy
 * @param createdAt           registration time
 * @param sync                where watching it stands
 */
public record RepositoryView(String id, String org, String team, String name, String url, String defaultBranch,
        int pollIntervalSeconds, Backfill backfill, Instant createdAt, Sync sync) {

    /**
     * @param policy none, last, daily or all
     * @param count  commits for last
     */
    public record Backfill(String policy, int count) {
    }

    /**
     * @param status              pending, syncing, ok or failing
     * @param lastSuccessAt       last successful sync
     * @param lastError           last failure
     * @param consecutiveFailures failures since the last success
     * @param nextAttemptAt       next poll
     * @param backfill            backfill progress
     */
    public record Sync(String status, Instant lastSuccessAt, String lastError, int consecutiveFailures,
            Instant nextAttemptAt, Progress backfill) {
    }

    /**
     * @param planned commits the backfill planned
     * @param emitted commits sent to analysis
     * @param percent emitted out of planned
     */
    public record Progress(long planned, long emitted, double percent) {
    }

    static RepositoryView of(WatchedRepository r) {
        SyncStatus s = r.sync();
        return new RepositoryView(r.id(), r.org(), r.team(), r.name(), r.url(), r.defaultBranch(),
                r.pollIntervalSeconds(), new Backfill(r.backfillPolicy(), r.backfillCount()), r.createdAt(),
                new Sync(s.status(), s.lastSuccessAt(), s.lastError(), s.consecutiveFailures(), s.nextAttemptAt(),
                        new Progress(s.backfillPlanned(), s.backfillEmitted(), s.backfillPercent())));
    }
}
