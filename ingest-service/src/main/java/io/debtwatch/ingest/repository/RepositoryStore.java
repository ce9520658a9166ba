package io.debtwatch.ingest.repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/** The {@code repositories} collection. Every lookup by id also filters by org. */
@ApplicationScoped
@Startup
public class RepositoryStore {

    private final MongoCollection<Document> collection;

    public RepositoryStore(IngestDatabase database) {
        this.collection = database.get().getCollection("repositories");
    }

    @PostConstruct
    void indexes() {
        collection.createIndex(Indexes.ascending("org", "urlKey"), new IndexOptions().unique(true));
        collection.createIndex(Indexes.ascending("org", "team"));
        collection.createIndex(Indexes.ascending("urlKey"));
        collection.createIndex(Indexes.ascending("sync.nextAttemptAt"));
        collection.createIndex(Indexes.ascending("backfill.state"));
    }

    /**
     * @param entity a new repository
     * @return false when the org already has a repository with that URL
     */
    public boolean insert(RepositoryEntity entity) {
        try {
            collection.insertOne(RepositoryDocuments.toDocument(entity));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public Optional<RepositoryEntity> find(String org, String id) {
        return Optional.ofNullable(collection.find(Filters.and(Filters.eq("_id", id), Filters.eq("org", org)))
                .first()).map(RepositoryDocuments::fromDocument);
    }

    /**
     * @param id a repository id
     * @return the repository whatever its org: only for internal work (scheduler, hooks), never for the API
     */
    public Optional<RepositoryEntity> findById(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first())
                .map(RepositoryDocuments::fromDocument);
    }

    public Optional<RepositoryEntity> findByUrlKey(String org, String urlKey) {
        return Optional.ofNullable(collection.find(Filters.and(Filters.eq("org", org), Filters.eq("urlKey", urlKey)))
                .first()).map(RepositoryDocuments::fromDocument);
    }

    /**
     * @param urlKey a normalised URL
     * @return every repository with that URL, in any org (a push hook names no org)
     */
    public List<RepositoryEntity> findAllByUrlKey(String urlKey) {
        return collection.find(Filters.eq("urlKey", urlKey)).map(RepositoryDocuments::fromDocument)
                .into(new ArrayList<>());
    }

    public List<RepositoryEntity> list(String org, String team, int page, int size) {
        return collection.find(listFilter(org, team)).sort(Sorts.ascending("createdAt", "_id")).skip(page * size)
                .limit(size).map(RepositoryDocuments::fromDocument).into(new ArrayList<>());
    }

    public long count(String org, String team) {
        return collection.countDocuments(listFilter(org, team));
    }

    /**
     * @param now   the current time
     * @param limit how many at most
     * @return repositories whose next sync is due, the longest waiting first
     */
    public List<RepositoryEntity> dueForSync(Instant now, int limit) {
        return collection.find(Filters.lte("sync.nextAttemptAt", Date.from(now)))
                .sort(Sorts.ascending("sync.nextAttemptAt")).limit(limit).map(RepositoryDocuments::fromDocument)
                .into(new ArrayList<>());
    }

    /**
     * @param limit how many at most
     * @return repositories with a backfill in progress
     */
    public List<RepositoryEntity> backfillsRunning(int limit) {
        return collection.find(Filters.eq("backfill.state", "running")).limit(limit)
                .map(RepositoryDocuments::fromDocument).into(new ArrayList<>());
    }

    /**
     * @param id      the repository
     * @param updates field updates
     * @return whether it still exists
     */
    public boolean update(String id, Bson updates) {
        return collection.updateOne(Filters.eq("_id", id), updates).getMatchedCount() == 1;
    }

    public boolean update(String org, String id, Bson updates) {
        return collection.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("org", org)), updates)
                .getMatchedCount() == 1;
    }

    public void saveSync(String id, SyncState sync) {
        update(id, Updates.set("sync", RepositoryDocuments.syncDocument(sync)));
    }

    public void saveBackfill(String id, BackfillState backfill) {
        update(id, Updates.set("backfill", RepositoryDocuments.backfillDocument(backfill)));
    }

    /**
     * @param id  the repository
     * @param now when the next sync should run
     */
    public void dueNow(String id, Instant now) {
        update(id, Updates.set("sync.nextAttemptAt", Date.from(now)));
    }

    public boolean delete(String org, String id) {
        return collection.deleteOne(Filters.and(Filters.eq("_id", id), Filters.eq("org", org)))
                .getDeletedCount() == 1;
    }

    private static Bson listFilter(String org, String team) {
        return team == null ? Filters.eq("org", org) : Filters.and(Filters.eq("org", org), Filters.eq("team", team));
    }
}
