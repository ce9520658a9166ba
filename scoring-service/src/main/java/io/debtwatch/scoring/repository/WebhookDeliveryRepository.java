package io.debtwatch.scoring.repository;

import static io.debtwatch.scoring.repository.WebhookSubscriptionRepository.date;
import static io.debtwatch.scoring.repository.WebhookSubscriptionRepository.instant;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.debtwatch.scoring.repository.WebhookDelivery.Attempt;
import io.debtwatch.scoring.repository.WebhookDelivery.Status;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The durable delivery queue. A worker claims a due delivery with one findOneAndUpdate that sets a
 * lease token; results are written only while that token still holds, so two replicas never record
 * (or send) the same attempt twice, and a lease that runs out after a crash frees the delivery again.
 */
@ApplicationScoped
public class WebhookDeliveryRepository {

    private final MongoCollection<Document> collection;

    public WebhookDeliveryRepository(MongoClient client,
            @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.collection = client.getDatabase(database).getCollection("webhook_deliveries");
    }

    void createIndexes(@Observes StartupEvent started) {
        collection.createIndex(Indexes.ascending("subscriptionId", "eventId"), new IndexOptions().unique(true));
        collection.createIndex(Indexes.ascending("status", "nextAttemptAt"));
        collection.createIndex(Indexes.ascending("org", "subscriptionId", "_id"));
    }

    /**
     * Queues a delivery unless this subscription already has one for the event (redelivered Kafka messages).
     *
     * @param delivery the delivery, status PENDING
     * @return whether it was new
     */
    public boolean enqueue(WebhookDelivery delivery) {
        try {
            collection.insertOne(toDocument(delivery));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /**
     * @param now        the current time
     * @param saturated  subscriptions that already have as many attempts in flight as allowed
     * @param leaseUntil until when the claim holds
     * @param token      the claimer's lease token
     * @return the claimed delivery, empty when none is due
     */
    public Optional<WebhookDelivery> claimNext(Instant now, Collection<String> saturated, Instant leaseUntil,
            String token) {
        Bson due = Filters.or(
                Filters.and(Filters.eq("status", Status.PENDING.name()), Filters.lte("nextAttemptAt", date(now))),
                Filters.and(Filters.eq("status", Status.DELIVERING.name()), Filters.lte("leaseUntil", date(now))));
        Bson filter = saturated.isEmpty() ? due : Filters.and(due, Filters.nin("subscriptionId", saturated));
        Document claimed = collection.findOneAndUpdate(filter,
                Updates.combine(Updates.set("status", Status.DELIVERING.name()), Updates.set("leaseToken", token),
                        Updates.set("leaseUntil", date(leaseUntil))),
                new FindOneAndUpdateOptions().sort(Sorts.ascending("nextAttemptAt"))
                        .returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(claimed).map(WebhookDeliveryRepository::fromDocument);
    }

    /**
     * Records an attempt and where the delivery goes next, if the caller still holds the lease.
     *
     * @param id            the delivery id
     * @param token         the caller's lease token
     * @param attempt       the attempt made
     * @param status        the new status
     * @param nextAttemptAt when to try again, null unless PENDING
     * @param reason        why it ended, null unless it did
     * @return whether the lease still held and the result was written
     */
    public boolean recordAttempt(String id, String token, Attempt attempt, Status status, Instant nextAttemptAt,
            String reason) {
        Bson update = Updates.combine(Updates.push("attempts", attemptDocument(attempt)), Updates.inc("round", 1),
                Updates.set("status", status.name()), Updates.set("nextAttemptAt", date(nextAttemptAt)),
                Updates.set("reason", reason), Updates.unset("leaseToken"), Updates.unset("leaseUntil"));
        return collection.updateOne(Filters.and(Filters.eq("_id", new ObjectId(id)), Filters.eq("leaseToken", token)),
                update).getModifiedCount() == 1;
    }

    /**
     * Ends a claimed delivery without an attempt, for instance when its subscription is gone.
     *
     * @param id     the delivery id
     * @param token  the caller's lease token
     * @param reason why it was cancelled
     */
    public void cancelClaimed(String id, String token, String reason) {
        collection.updateOne(Filters.and(Filters.eq("_id", new ObjectId(id)), Filters.eq("leaseToken", token)),
                Updates.combine(Updates.set("status", Status.CANCELLED.name()), Updates.set("reason", reason),
                        Updates.set("nextAttemptAt", null), Updates.unset("leaseToken"), Updates.unset("leaseUntil")));
    }

    /**
     * Gives a claimed delivery back untouched, so a stopping worker does not leave it to its lease.
     *
     * @param id    the delivery id
     * @param token the caller's lease token
     */
    public void release(String id, String token) {
        collection.updateOne(Filters.and(Filters.eq("_id", new ObjectId(id)), Filters.eq("leaseToken", token)),
                Updates.combine(Updates.set("status", Status.PENDING.name()), Updates.unset("leaseToken"),
                        Updates.unset("leaseUntil")));
    }

    /**
     * @param subscriptionId the subscription
     * @param reason         why its waiting deliveries stop
     */
    public void cancelWaiting(String subscriptionId, String reason) {
        collection.updateMany(Filters.and(Filters.eq("subscriptionId", subscriptionId),
                Filters.eq("status", Status.PENDING.name())),
                Updates.combine(Updates.set("status", Status.CANCELLED.name()), Updates.set("reason", reason),
                        Updates.set("nextAttemptAt", null)));
    }

    /**
     * @param dueBefore a time well in the past
     * @return how many waiting deliveries were due before then and are still not sent
     */
    public long countOverdue(Instant dueBefore) {
        return collection.countDocuments(Filters.and(Filters.eq("status", Status.PENDING.name()),
                Filters.lt("nextAttemptAt", date(dueBefore))));
    }

    /**
     * @param org            the organisation
     * @param subscriptionId the subscription
     * @param status         only this status, null for all
     * @param limit          the most to return
     * @return its deliveries, newest first
     */
    public List<WebhookDelivery> list(String org, String subscriptionId, Status status, int limit) {
        Bson filter = Filters.and(Filters.eq("org", org), Filters.eq("subscriptionId", subscriptionId));
        if (status != null) {
            filter = Filters.and(filter, Filters.eq("status", status.name()));
        }
        return collection.find(filter).sort(Sorts.descending("_id")).limit(limit)
                .map(WebhookDeliveryRepository::fromDocument).into(new ArrayList<>());
    }

    /**
     * @param org            the organisation
     * @param subscriptionId the subscription
     * @param id             the delivery id
     * @return the delivery, empty when not of that org and subscription
     */
    public Optional<WebhookDelivery> find(String org, String subscriptionId, String id) {
        if (!ObjectId.isValid(id)) {
            return Optional.empty();
        }
        return Optional.ofNullable(collection.find(Filters.and(Filters.eq("_id", new ObjectId(id)),
                Filters.eq("org", org), Filters.eq("subscriptionId", subscriptionId))).first())
                .map(WebhookDeliveryRepository::fromDocument);
    }

    /**
     * Queues a finished delivery again with a fresh schedule, keeping its webhook-id and body.
     *
     * @param org            the organisation
     * @param subscriptionId the subscription
     * @param id             the delivery id
     * @param now            when it becomes due
     * @return the delivery requeued, empty when it is not there or is being sent or waiting already
     */
    public Optional<WebhookDelivery> requeue(String org, String subscriptionId, String id, Instant now) {
        if (!ObjectId.isValid(id)) {
            return Optional.empty();
        }
        Bson filter = Filters.and(Filters.eq("_id", new ObjectId(id)), Filters.eq("org", org),
                Filters.eq("subscriptionId", subscriptionId),
                Filters.in("status", Status.SUCCEEDED.name(), Status.DEAD.name(), Status.CANCELLED.name()));
        return Optional.ofNullable(collection.findOneAndUpdate(filter,
                Updates.combine(Updates.set("status", Status.PENDING.name()), Updates.set("round", 0),
                        Updates.set("nextAttemptAt", date(now)), Updates.set("reason", null)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
                .map(WebhookDeliveryRepository::fromDocument);
    }

    private static Document attemptDocument(Attempt a) {
        return new Document("at", date(a.at())).append("statusCode", a.statusCode())
                .append("latencyMs", a.latencyMs()).append("error", a.error());
    }

    private static Document toDocument(WebhookDelivery d) {
        return new Document("_id", new ObjectId(d.id()))
                .append("org", d.org())
                .append("subscriptionId", d.subscriptionId())
                .append("messageId", d.messageId())
                .append("eventId", d.eventId())
                .append("type", d.type())
                .append("body", d.body())
                .append("status", d.status().name())
                .append("round", d.round())
                .append("nextAttemptAt", date(d.nextAttemptAt()))
                .append("leaseToken", d.leaseToken())
                .append("leaseUntil", date(d.leaseUntil()))
                .append("reason", d.reason())
                .append("attempts", d.attempts().stream().map(WebhookDeliveryRepository::attemptDocument).toList())
                .append("createdAt", date(d.createdAt()));
    }

    private static WebhookDelivery fromDocument(Document d) {
        List<Attempt> attempts = d.getList("attempts", Document.class, List.of()).stream()
                .map(a -> new Attempt(instant(a.getDate("at")), a.getInteger("statusCode"),
                        ((Number) a.get("latencyMs")).longValue(), a.getString("error")))
                .toList();
        return new WebhookDelivery(d.getObjectId("_id").toHexString(), d.getString("org"),
                d.getString("subscriptionId"), d.getString("messageId"), d.getString("eventId"), d.getString("type"),
                d.getString("body"), Status.valueOf(d.getString("status")), d.getInteger("round", 0),
                instant(d.getDate("nextAttemptAt")), d.getString("leaseToken"), instant(d.getDate("leaseUntil")),
                d.getString("reason"), attempts, instant(d.getDate("createdAt")));
    }
}
