package io.debtwatch.ingest.rest;

import io.debtwatch.ingest.repository.BackfillState;
import io.debtwatch.ingest.repository.RepositoryEntity;
import io.debtwatch.ingest.repository.SyncState;
import java.time.Instant;

/**
 * A repository as the API shows it: never its token, SSH key or hook secret, only whether they are set.
 *
 * @param id                  24 hex characters
 * @param org                 the organisation
 * @param team                the team
 * @param name                the display name
 * @param url                 the URL, without credentials
 * @param defaultBranch       the watched branch
 * @param pollIntervalSeconds the poll interval
 * @param backfill            the backfill policy
 * @param hasAccessToken      whether a token is stored
 * @param hasHookSecret       whether a hook secret is stored
 * @param hasSshKey           whether an SSH private key is stored
 * @param createdAt           when it was registered
 * @param sync                where watching stands
 */
public record RepositoryView(String id, String org, String team, String name, String url, String defaultBranch,
        int pollIntervalSeconds, BackfillRequest backfill, boolean hasAccessToken, boolean hasHookSecret,
        boolean hasSshKey, Instant createdAt, SyncView sync) {

    /**
     * Sync status with backfill progress.
     *
     * @param status              pending, ok, empty or failing
     * @param lastSuccessAt       the last successful sync
     * @param lastError           the last failure, null after a success
     * @param consecutiveFailures failures since the last success
     * @param nextAttemptAt       the next scheduled sync
     * @param lastCommit          the branch tip last processed
     * @param lastRewrite         the last force push seen, null if none
     * @param backfill            progress of the history backfill
     */
    public record SyncView(String status, Instant lastSuccessAt, String lastError, int consecutiveFailures,
            Instant nextAttemptAt, String lastCommit, RewriteView lastRewrite, ProgressView backfill) {
    }

    /**
     * A force push the service saw.
     *
     * @param from the tip before
     * @param to   the tip after
     * @param at   when it was seen
     */
    public record RewriteView(String from, String to, Instant at) {
    }

    /**
     * Backfill progress.
     *
     * @param state   pending, running or done
     * @param planned commits it will emit
     * @param emitted commits emitted so far
     * @param percent emitted out of planned
     */
    public record ProgressView(String state, long planned, long emitted, int percent) {
    }

    /**
     * @param e a stored repository
     * @return its API view
     */
    public static RepositoryView of(RepositoryEntity e) {
        SyncState s = e.sync();
        BackfillState b = e.backfill();
        RewriteView rewrite = s.lastRewriteTo() == null ? null
                : new RewriteView(s.lastRewriteFrom(), s.lastRewriteTo(), s.lastRewriteAt());
        return new RepositoryView(e.id(), e.org(), e.team(), e.name(), e.url(), e.defaultBranch(),
                e.pollIntervalSeconds(), new BackfillRequest(b.policy(), b.count() == 0 ? null : b.count()),
                e.sealedToken() != null, e.sealedHookSecret() != null, e.sealedSshKey() != null, e.createdAt(),
                new SyncView(s.status(), s.lastSuccessAt(), s.lastError(), s.consecutiveFailures(),
                        s.nextAttemptAt(), s.lastTip(), rewrite,
                        new ProgressView(b.state(), b.planned(), b.emitted(), b.percent())));
    }
}
