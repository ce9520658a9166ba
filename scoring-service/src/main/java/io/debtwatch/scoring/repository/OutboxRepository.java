package io.debtwatch.scoring.repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * Score events recorded before they are sent: a record-then-send outbox, so a crash between the
 * database write and the Kafka send loses no event (it is sent again, with the same eventId).
 */
@ApplicationScoped
@Startup
public class OutboxRepository {

    private final MongoCollection<Document> outbox;

    OutboxRepository(ScoringDatabase database) {
        this.outbox = database.collection("score_event_outbox");
    }

    @PostConstruct
    void indexes() {
        outbox.createIndex(Indexes.ascending("sent", "seq"));
    }

    /** An event waiting to be sent to {@code debtwatch.score-events}. */
    public record PendingEvent(String eventId, String repoId, String ceType, String subject, String payload) {
    }

    /**
     * Records events in one round trip, in order; an event recorded before (same eventId) is kept as it was.
     *
     * @param events the events to send
     */
    public void recordAll(List<PendingEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        List<Document> docs = new ArrayList<>();
        for (PendingEvent event : events) {
            docs.add(new Document("_id", event.eventId()).append("repoId", event.repoId())
                    .append("ceType", event.ceType()).append("subject", event.subject())
                    .append("payload", event.payload()).append("sent", false)
                    .append("seq", System.nanoTime()).append("recordedAt", Date.from(Instant.now())));
        }
        try {
            outbox.insertMany(docs, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (!e.getWriteErrors().stream().allMatch(w -> ErrorCategory.fromErrorCode(w.getCode())
                    == ErrorCategory.DUPLICATE_KEY) || e.getWriteConcernError() != null) {
                throw e;
            }
        }
    }

    /**
     * @param limit how many at most
     * @return unsent events, oldest first
     */
    public List<PendingEvent> pending(int limit) {
        List<PendingEvent> events = new ArrayList<>();
        for (Document d : outbox.find(Filters.eq("sent", false)).sort(Sorts.ascending("seq")).limit(limit)) {
            events.add(new PendingEvent(d.getString("_id"), d.getString("repoId"), d.getString("ceType"),
                    d.getString("subject"), d.getString("payload")));
        }
        return events;
    }

    /**
     * @return how many events wait to be sent
     */
    public long backlog() {
        return outbox.countDocuments(Filters.eq("sent", false));
    }

    /**
     * @param eventId the event the broker acknowledged
     */
    public void markSent(String eventId) {
        outbox.updateOne(Filters.eq("_id", eventId),
                Updates.combine(Updates.set("sent", true), Updates.set("sentAt", Date.from(Instant.now()))));
    }
}
