package io.debtwatch.ingest.repository;

import java.time.Instant;

/**
 * A repository the platform watches, as stored.
 *
 * @param id                  24 hex characters
 * @param org                 the owning organisation
 * @param team                the team, may be null
 * @param name                display name
 * @param url                 clone URL without credentials
 * @param defaultBranch       the watched branch
 * @param pollIntervalSeconds how often it is polled
 * @param backfillPolicy      none, last, daily or all
 * @param backfillCount       commits for the {@code last} policy
 * @param createdAt           when it was registered
 * @param sync                where watching it stands
 */
public record WatchedRepository(String id, String org, String team, String name, String url, String defaultBranch,
        int pollIntervalSeconds, String backfillPolicy, int backfillCount, Instant createdAt, SyncStatus sync) {
}
