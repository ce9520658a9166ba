package io.debtwatch.ingest.repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * The {@code outbox} collection: what must be sent to Kafka, recorded before sending and marked
 * sent after the broker's acknowledgement. Entries stay after sending as the ledger of which commits
 * were already emitted, so a force push never re-emits a commit.
 */
@ApplicationScoped
@Startup
public class OutboxRepository {

    private final MongoCollection<Document> collection;
    private final Event<OutboxRecorded> recorded;

    public OutboxRepository(IngestDatabase database, Event<OutboxRecorded> recorded) {
        this.collection = database.get().getCollection("outbox");
        this.recorded = recorded;
    }

    @PostConstruct
    void indexes() {
        collection.createIndex(Indexes.ascending("eventId"), new IndexOptions().unique(true));
        collection.createIndex(Indexes.ascending("sentAt"));
        collection.createIndex(Indexes.ascending("repoId", "backfill", "sentAt"));
    }

    /**
     * Records events; one whose eventId is already recorded is left as it was.
     *
     * @param events the events, in sending order
     * @return how many were new
     */
    public int record(List<OutboxEvent> events) {
        if (events.isEmpty()) {
            return 0;
        }
        try {
            return insertIgnoringDuplicates(events.stream().map(OutboxRepository::toDocument).toList());
        } finally {
            recorded.fire(new OutboxRecorded(events.size()));
        }
    }

    private int insertIgnoringDuplicates(List<Document> docs) {
        try {
            return collection.insertMany(docs, new InsertManyOptions().ordered(false)).getInsertedIds().size();
        } catch (MongoBulkWriteException e) {
            boolean onlyDuplicates = e.getWriteErrors().stream()
                    .allMatch(err -> ErrorCategory.fromErrorCode(err.getCode()) == ErrorCategory.DUPLICATE_KEY);
            if (!onlyDuplicates) {
                throw e;
            }
            return docs.size() - e.getWriteErrors().size();
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return 0;
        }
    }

    /**
     * @param eventIds event ids
     * @return those already recorded
     */
    public Set<String> recorded(Collection<String> eventIds) {
        Set<String> found = new HashSet<>();
        collection.find(Filters.in("eventId", eventIds)).projection(Projections.include("eventId"))
                .forEach(d -> found.add(d.getString("eventId")));
        return found;
    }

    /**
     * @param limit how many at most
     * @return unsent entries, oldest first
     */
    public List<OutboxEvent> unsent(int limit) {
        return collection.find(Filters.eq("sentAt", null)).sort(Sorts.ascending("_id")).limit(limit)
                .map(OutboxRepository::fromDocument).into(new ArrayList<>());
    }

    /**
     * @param ids entries Kafka acknowledged
     */
    public void markSent(List<ObjectId> ids) {
        if (!ids.isEmpty()) {
            collection.updateMany(Filters.in("_id", ids), Updates.set("sentAt", new Date()));
        }
    }

    /**
     * @param repoId a repository
     * @return its backfill events not sent yet
     */
    public long pendingBackfill(String repoId) {
        return collection.countDocuments(Filters.and(Filters.eq("repoId", repoId), Filters.eq("backfill", true),
                Filters.eq("sentAt", null)));
    }

    /**
     * @return every entry not sent yet
     */
    public long pending() {
        return collection.countDocuments(Filters.eq("sentAt", null));
    }

    private static Document toDocument(OutboxEvent e) {
        return new Document("_id", e.id()).append("eventId", e.eventId()).append("topic", e.topic())
                .append("key", e.key()).append("type", e.type()).append("subject", e.subject())
                .append("payload", e.payload()).append("repoId", e.repoId()).append("backfill", e.backfill())
                .append("createdAt", new Date()).append("sentAt", null);
    }

    private static OutboxEvent fromDocument(Document d) {
        return new OutboxEvent(d.getObjectId("_id"), d.getString("eventId"), d.getString("topic"),
                d.getString("key"), d.getString("type"), d.getString("subject"), d.getString("payload"),
                d.getString("repoId"), d.getBoolean("backfill", false));
    }
}
