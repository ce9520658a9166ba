package io.debtwatch.ingest.repository;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;

/**
 * What must be sent to Kafka, recorded before it is sent and marked sent after the broker's
 * acknowledgement, so a crash at any point loses nothing and a resend carries the same eventId.
 */
@ApplicationScoped
public class OutboxRepository {

    /** Orders messages by when they were recorded; seeded from the clock so it keeps rising across restarts. */
    private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis() * 1000);
    private final MongoCollection<Document> outbox;

    OutboxRepository(IngestDatabase database) {
        this.outbox = database.get().getCollection("outbox");
        outbox.createIndex(Indexes.ascending("sentAt", "seq"));
    }

    /**
     * Records a message once; recording the same eventId again changes nothing.
     *
     * @param message the message
     */
    public void enqueue(OutboxMessage message) {
        try {
            outbox.insertOne(new Document("_id", message.eventId()).append("topic", message.topic())
                    .append("key", message.key()).append("ceType", message.ceType())
                    .append("payload", message.payload()).append("repoId", message.repoId())
                    .append("backfill", message.backfill()).append("seq", sequence.incrementAndGet())
                    .append("createdAt", new Date()).append("sentAt", null));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /**
     * @param limit the most to return
     * @return unsent messages, oldest first
     */
    public List<OutboxMessage> pending(int limit) {
        List<OutboxMessage> result = new ArrayList<>();
        outbox.find(eq("sentAt", null)).sort(Sorts.ascending("seq")).limit(limit).forEach(d -> result.add(
                new OutboxMessage(d.getString("_id"), d.getString("topic"), d.getString("key"),
                        d.getString("ceType"), d.getString("payload"), d.getString("repoId"),
                        d.getBoolean("backfill", false))));
        return result;
    }

    public void markSent(String eventId, Instant at) {
        outbox.updateOne(eq("_id", eventId), Updates.set("sentAt", Date.from(at)));
    }

    public long countPending() {
        return outbox.countDocuments(eq("sentAt", null));
    }
}
