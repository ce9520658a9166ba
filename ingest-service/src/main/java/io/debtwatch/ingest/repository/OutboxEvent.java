package io.debtwatch.ingest.repository;

import org.bson.types.ObjectId;

/**
 * One message that must reach Kafka, recorded before it is sent.
 *
 * @param id       the outbox entry's id; its order is the sending order
 * @param eventId  the event's deterministic id, unique: the same fact is recorded once
 * @param topic    the destination topic
 * @param key      the record key (the repository id)
 * @param type     the CloudEvents type
 * @param subject  the CloudEvents subject
 * @param payload  the event as JSON
 * @param repoId   the repository it concerns
 * @param backfill whether a history backfill produced it
 */
public record OutboxEvent(ObjectId id, String eventId, String topic, String key, String type, String subject,
        String payload, String repoId, boolean backfill) {

    /**
     * @return an entry with a new id, ordered after every entry made before
     */
    public static OutboxEvent of(String eventId, String topic, String key, String type, String subject,
            String payload, String repoId, boolean backfill) {
        return new OutboxEvent(new ObjectId(), eventId, topic, key, type, subject, payload, repoId, backfill);
    }
}
