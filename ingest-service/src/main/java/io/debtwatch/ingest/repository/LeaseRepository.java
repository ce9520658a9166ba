package io.debtwatch.ingest.repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/**
 * Leases in the {@code leases} collection: a named piece of work (a repository's sync, the outbox
 * relay) is done by one replica at a time, and passes to another when its owner stops renewing.
 */
@ApplicationScoped
public class LeaseRepository {

    private final MongoCollection<Document> collection;

    public LeaseRepository(IngestDatabase database) {
        this.collection = database.get().getCollection("leases");
    }

    /**
     * Takes a lease that is free, expired or already ours, and extends it.
     *
     * @param name     what the lease guards
     * @param owner    the replica asking
     * @param duration how long it holds without renewal
     * @param now      the current time
     * @return whether the caller holds the lease now
     */
    public boolean tryAcquire(String name, String owner, Duration duration, Instant now) {
        Date until = Date.from(now.plus(duration));
        try {
            collection.insertOne(new Document("_id", name).append("owner", owner).append("expiresAt", until));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        return collection.updateOne(Filters.and(Filters.eq("_id", name),
                Filters.or(Filters.eq("owner", owner), Filters.lt("expiresAt", Date.from(now)))),
                Updates.combine(Updates.set("owner", owner), Updates.set("expiresAt", until))).getMatchedCount() == 1;
    }

    /**
     * Gives a lease back so another replica may take it at once.
     *
     * @param name  what the lease guards
     * @param owner the replica that holds it
     */
    public void release(String name, String owner) {
        collection.deleteOne(Filters.and(Filters.eq("_id", name), Filters.eq("owner", owner)));
    }

    /**
     * @param name what the lease guards
     * @return the current owner, or null when nobody holds it
     */
    public String owner(String name, Instant now) {
        Document d = collection.find(Filters.and(Filters.eq("_id", name), Filters.gte("expiresAt", Date.from(now))))
                .first();
        return d == null ? null : d.getString("owner");
    }
}
