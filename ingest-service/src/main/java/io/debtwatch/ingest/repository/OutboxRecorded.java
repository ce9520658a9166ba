package io.debtwatch.ingest.repository;

/**
 * Fired after events were recorded in the outbox, so the relay sends them at once instead of at its next poll.
 *
 * @param count how many events were recorded
 */
public record OutboxRecorded(int count) {
}
