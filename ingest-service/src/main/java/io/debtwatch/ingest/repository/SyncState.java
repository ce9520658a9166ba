package io.debtwatch.ingest.repository;

import java.time.Instant;

/**
 * Where watching a repository stands, as stored.
 *
 * @param status              {@code pending}, {@code ok}, {@code empty}, {@code failing}
 * @param lastSuccessAt       the last sync that completed
 * @param lastError           the last failure's message, null after a success
 * @param consecutiveFailures failures since the last success
 * @param nextAttemptAt       when the scheduler picks the repository up next
 * @param lastTip             the branch tip the last sync processed, null before the first
 * @param lastRewriteFrom     the tip before the last force push seen, null if none
 * @param lastRewriteTo       the tip after that force push
 * @param lastRewriteAt       when it was seen
 */
public record SyncState(String status, Instant lastSuccessAt, String lastError, int consecutiveFailures,
        Instant nextAttemptAt, String lastTip, String lastRewriteFrom, String lastRewriteTo, Instant lastRewriteAt) {

    /**
     * @param now when the repository was registered
     * @return the state of a repository that was never synced, due at once
     */
    public static SyncState initial(Instant now) {
        return new SyncState("pending", null, null, 0, now, null, null, null, null);
    }
}
