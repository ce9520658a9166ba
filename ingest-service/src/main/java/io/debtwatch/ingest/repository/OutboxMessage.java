package io.debtwatch.ingest.repository;

/**
 * One message waiting in the outbox.
 *
 * @param eventId  the event's deterministic id, also the outbox key
 * @param topic    where it goes
 * @param key      the Kafka record key (the repoId)
 * @param ceType   its CloudEvents type
 * @param payload  the JSON text
 * @param repoId   the repository it concerns
 * @param backfill whether it is part of a history backfill
 */
public record OutboxMessage(String eventId, String topic, String key, String ceType, String payload, String repoId,
        boolean backfill) {
}
