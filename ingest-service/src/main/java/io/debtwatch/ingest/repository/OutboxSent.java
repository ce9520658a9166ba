package io.debtwatch.ingest.repository;

/**
 * Fired after the relay marked events sent, so a backfill paused on its unsent events resumes at once.
 *
 * @param count how many events were marked sent
 */
public record OutboxSent(int count) {
}
