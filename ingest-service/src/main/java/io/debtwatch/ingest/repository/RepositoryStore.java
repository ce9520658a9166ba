package io.debtwatch.ingest.repository;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/** The registry of watched repositories. Every lookup is by organisation and id together. */
@ApplicationScoped
public class RepositoryStore {

    private final MongoCollection<Document> repositories;

    RepositoryStore(IngestDatabase database) {
        this.repositories = database.get().getCollection("repositories");
        repositories.createIndex(Indexes.ascending("org", "url"), new IndexOptions().unique(true));
        repositories.createIndex(Indexes.ascending("org", "team"));
        repositories.createIndex(Indexes.ascending("sync.nextAttemptAt"));
    }

    /**
     * @param repository a new repository
     * @return false when the organisation already watches its URL
     */
    public boolean insert(WatchedRepository repository) {
        try {
            repositories.insertOne(toDocument(repository));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public Optional<WatchedRepository> find(String org, String id) {
        return Optional.ofNullable(repositories.find(and(eq("_id", id), eq("org", org))).first())
                .map(RepositoryStore::fromDocument);
    }

    public Optional<WatchedRepository> findByUrl(String org, String url) {
        return Optional.ofNullable(repositories.find(and(eq("org", org), eq("url", url))).first())
                .map(RepositoryStore::fromDocument);
    }

    /**
     * @param org  the organisation
     * @param team only this team's repositories, or all when null
     * @param page zero-based page
     * @param size page size
     * @return one page, oldest registration first
     */
    public List<WatchedRepository> list(String org, String team, int page, int size) {
        List<WatchedRepository> result = new ArrayList<>();
        repositories.find(byOrgAndTeam(org, team)).sort(Sorts.ascending("createdAt", "_id"))
                .skip(page * size).limit(size).forEach(d -> result.add(fromDocument(d)));
        return result;
    }

    public long count(String org, String team) {
        return repositories.countDocuments(byOrgAndTeam(org, team));
    }

    /**
     * @param now the current time
     * @return repositories whose next poll is due and that are not being synced
     */
    public List<WatchedRepository> due(Instant now) {
        List<WatchedRepository> result = new ArrayList<>();
        repositories.find(and(lte("sync.nextAttemptAt", Date.from(now)), ne("sync.status", "syncing")))
                .limit(100).forEach(d -> result.add(fromDocument(d)));
        return result;
    }

    public void markSyncing(String id) {
        repositories.updateOne(eq("_id", id), Updates.set("sync.status", "syncing"));
    }

    public void recordSuccess(String id, Instant at, Instant next) {
        repositories.updateOne(eq("_id", id), Updates.combine(Updates.set("sync.status", "ok"),
                Updates.set("sync.lastSuccessAt", Date.from(at)), Updates.set("sync.consecutiveFailures", 0),
                Updates.set("sync.lastError", null), Updates.set("sync.nextAttemptAt", Date.from(next))));
    }

    public void recordFailure(String id, String error, Instant next) {
        repositories.updateOne(eq("_id", id), Updates.combine(Updates.set("sync.status", "failing"),
                Updates.set("sync.lastError", error), Updates.inc("sync.consecutiveFailures", 1),
                Updates.set("sync.nextAttemptAt", Date.from(next))));
    }

    /** Makes the repository due for a poll at once. */
    public void requestSync(String id, Instant now) {
        repositories.updateOne(eq("_id", id), Updates.set("sync.nextAttemptAt", Date.from(now)));
    }

    public void addBackfillPlanned(String id, long commits) {
        repositories.updateOne(eq("_id", id), Updates.inc("sync.backfillPlanned", commits));
    }

    public void addBackfillEmitted(String id, long commits) {
        repositories.updateOne(eq("_id", id), Updates.inc("sync.backfillEmitted", commits));
    }

    private static Bson byOrgAndTeam(String org, String team) {
        return team == null ? eq("org", org) : and(eq("org", org), eq("team", team));
    }

    private static Document toDocument(WatchedRepository r) {
        SyncStatus s = r.sync();
        return new Document("_id", r.id()).append("org", r.org()).append("team", r.team()).append("name", r.name())
                .append("url", r.url()).append("defaultBranch", r.defaultBranch())
                .append("pollIntervalSeconds", r.pollIntervalSeconds())
                .append("backfill", new Document("policy", r.backfillPolicy()).append("count", r.backfillCount()))
                .append("createdAt", Date.from(r.createdAt()))
                .append("sync", new Document("status", s.status()).append("lastSuccessAt", date(s.lastSuccessAt()))
                        .append("lastError", s.lastError()).append("consecutiveFailures", s.consecutiveFailures())
                        .append("nextAttemptAt", date(s.nextAttemptAt()))
                        .append("backfillPlanned", s.backfillPlanned()).append("backfillEmitted", s.backfillEmitted()));
    }

    private static WatchedRepository fromDocument(Document d) {
        Document backfill = d.get("backfill", Document.class);
        Document s = d.get("sync", Document.class);
        SyncStatus sync = new SyncStatus(s.getString("status"), instant(s.getDate("lastSuccessAt")),
                s.getString("lastError"), s.getInteger("consecutiveFailures", 0), instant(s.getDate("nextAttemptAt")),
                number(s.get("backfillPlanned")), number(s.get("backfillEmitted")));
        return new WatchedRepository(d.getString("_id"), d.getString("org"), d.getString("team"),
                d.getString("name"), d.getString("url"), d.getString("defaultBranch"),
                d.getInteger("pollIntervalSeconds", 300), backfill.getString("policy"),
                backfill.getInteger("count", 0), instant(d.getDate("createdAt")), sync);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
