package io.debtwatch.service.outbox;

/**
 * One message waiting in an outbox.
 *
 * @param eventId  the event's deterministic id, also the outbox key
 * @param topic    where it goes
 * @param key      the Kafka record key (the repoId)
 * @param ceType   its CloudEvents type
 * @param payload  the JSON text
 * @param subject  what it is about (the repoId), the CloudEvents subject
 * @param backfill whether it is part of a history backfill (progress is counted on those)
 */
public record OutboxMessage(String eventId, String topic, String key, String ceType, String payload, String subject,
        boolean backfill) {
}
