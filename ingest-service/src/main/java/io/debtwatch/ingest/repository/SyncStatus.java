package io.debtwatch.ingest.repository;

import java.time.Instant;

/**
 * Where watching one repository stands.
 *
 * @param status              {@code pending}, {@code syncing}, {@code ok} or {@code failing}
 * @param lastSuccessAt       the last successful sync, or null
 * @param lastError           the last failure's message, or null
 * @param consecutiveFailures failures since the last success
 * @param nextAttemptAt       when it is polled next
 * @param backfillPlanned     commits the backfill planned to emit
 * @param backfillEmitted     of those, how many Kafka acknowledged
 */
public record SyncStatus(String status, Instant lastSuccessAt, String lastError, int consecutiveFailures,
        Instant nextAttemptAt, long backfillPlanned, long backfillEmitted) {

    /**
     * @return the backfill's progress, 0 to 100
     */
    public double backfillPercent() {
        return backfillPlanned == 0 ? 100.0 : Math.min(100.0, Math.round(1000.0 * backfillEmitted / backfillPlanned) / 10.0);
    }
}
