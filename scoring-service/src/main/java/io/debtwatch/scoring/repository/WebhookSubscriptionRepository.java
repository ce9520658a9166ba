package io.debtwatch.scoring.repository;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Webhook subscriptions in MongoDB; every lookup by id also filters by org. */
@ApplicationScoped
public class WebhookSubscriptionRepository {

    private final MongoCollection<Document> collection;

    public WebhookSubscriptionRepository(MongoClient client,
            @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.collection = client.getDatabase(database).getCollection("webhook_subscriptions");
    }

    void createIndexes(@Observes StartupEvent started) {
        collection.createIndex(Indexes.ascending("org", "enabled"));
    }

    /**
     * @param subscription the new subscription, its id already set
     */
    public void insert(WebhookSubscription subscription) {
        collection.insertOne(toDocument(subscription));
    }

    /**
     * @param org the organisation
     * @param id  the subscription id
     * @return the subscription, empty when it does not exist in that org
     */
    public Optional<WebhookSubscription> find(String org, String id) {
        return Optional.ofNullable(collection.find(byId(org, id)).first()).map(WebhookSubscriptionRepository::fromDocument);
    }

    /**
     * @param org the organisation
     * @return its subscriptions, oldest first
     */
    public List<WebhookSubscription> list(String org) {
        return collection.find(Filters.eq("org", org)).sort(Sorts.ascending("_id"))
                .map(WebhookSubscriptionRepository::fromDocument).into(new ArrayList<>());
    }

    /**
     * @param org the organisation
     * @return its enabled subscriptions
     */
    public List<WebhookSubscription> enabled(String org) {
        return collection.find(Filters.and(Filters.eq("org", org), Filters.eq("enabled", true)))
                .map(WebhookSubscriptionRepository::fromDocument).into(new ArrayList<>());
    }

    /**
     * @param org     the organisation
     * @param id      the subscription id
     * @param changes the fields to set
     * @return the subscription after the change, empty when it does not exist in that org
     */
    public Optional<WebhookSubscription> update(String org, String id, List<Bson> changes) {
        List<Bson> all = new ArrayList<>(changes);
        all.add(Updates.set("updatedAt", new Date()));
        return Optional.ofNullable(collection.findOneAndUpdate(byId(org, id), Updates.combine(all),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
                .map(WebhookSubscriptionRepository::fromDocument);
    }

    /**
     * @param org the organisation
     * @param id  the subscription id
     * @return whether it existed in that org
     */
    public boolean delete(String org, String id) {
        return collection.deleteOne(byId(org, id)).getDeletedCount() == 1;
    }

    private static Bson byId(String org, String id) {
        if (!ObjectId.isValid(id)) {
            return Filters.and(Filters.eq("org", org), Filters.eq("_id", id));
        }
        return Filters.and(Filters.eq("org", org), Filters.eq("_id", new ObjectId(id)));
    }

    private static Document toDocument(WebhookSubscription s) {
        return new Document("_id", new ObjectId(s.id()))
                .append("org", s.org())
                .append("url", s.url())
                .append("description", s.description())
                .append("eventTypes", s.eventTypes())
                .append("repositories", s.repositories())
                .append("teams", s.teams())
                .append("minIndexChange", s.minIndexChange())
                .append("enabled", s.enabled())
                .append("disabledReason", s.disabledReason())
                .append("secret", s.secret())
                .append("previousSecret", s.previousSecret())
                .append("previousSecretExpiresAt", date(s.previousSecretExpiresAt()))
                .append("createdAt", date(s.createdAt()))
                .append("updatedAt", date(s.updatedAt()));
    }

    private static WebhookSubscription fromDocument(Document d) {
        return new WebhookSubscription(d.getObjectId("_id").toHexString(), d.getString("org"), d.getString("url"),
                d.getString("description"), d.getList("eventTypes", String.class),
                d.getList("repositories", String.class), d.getList("teams", String.class),
                d.get("minIndexChange") == null ? null : ((Number) d.get("minIndexChange")).doubleValue(),
                d.getBoolean("enabled", false), d.getString("disabledReason"), d.getString("secret"),
                d.getString("previousSecret"), instant(d.getDate("previousSecretExpiresAt")),
                instant(d.getDate("createdAt")), instant(d.getDate("updatedAt")));
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
