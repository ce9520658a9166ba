package io.debtwatch.scoring.repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.debtwatch.scoring.service.Contribution;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.jboss.logging.Logger;

/**
 * Carries data stored in older layouts into the current one, once, at start-up, so trends and
 * leaderboards of an existing installation keep their history after an upgrade. Two steps, each
 * done once and recorded in {@code migrations}: {@link #ROLLUPS} adds the per-day roll-up changes
 * ({@code rollup_deltas}) to the month documents ({@code rollup_months}), and {@link #TIMELINES}
 * writes every repository's values per org and day ({@code org_timelines}) from its daily points
 * and its deletion day. An installation that did the first step before the second existed (when it
 * still wrote {@code repository_timelines}) does only the second.
 *
 * <p>One replica does each step: it claims a document in {@code migrations}, renews it while it works,
 * and another replica takes over a claim left unrenewed for {@link #STALE} (the claimant died). Each old
 * roll-up change is marked once carried over, so a takeover never adds it twice (a crash between
 * adding one change and marking it is the one window left). Timelines are written with set
 * operations, so replaying them is harmless. The old collections ({@code rollup_deltas},
 * {@code repository_timelines}) are left as they were, for a rollback.
 */
@ApplicationScoped
public class StorageUpgrade {

    /** The roll-up step's name in {@code migrations}. */
    static final String ROLLUPS = "2026-11-rollup-months-and-timelines";
    /** The timeline step's name in {@code migrations}. */
    static final String TIMELINES = "2026-11-org-timelines";
    /** A claim not renewed for this long belongs to a replica that died. */
    static final Duration STALE = Duration.ofMinutes(2);

    private static final Logger LOG = Logger.getLogger(StorageUpgrade.class);
    private static final String DONE = "done";
    private static final String RUNNING = "running";
    /** Repositories whose timelines are written together: their points are held in memory meanwhile. */
    private static final int REPOSITORIES_PER_WRITE = 100;

    private final MongoCollection<Document> migrations;
    private final MongoCollection<Document> oldRollups;
    private final RollupRepository rollups;
    private final TimelineRepository timelines;
    private final DailyPointRepository points;
    private final RepositoryCatalog catalog;
    private final String replica = UUID.randomUUID().toString();

    StorageUpgrade(ScoringDatabase database, RollupRepository rollups, TimelineRepository timelines,
            DailyPointRepository points, RepositoryCatalog catalog) {
        this.migrations = database.collection("migrations");
        this.oldRollups = database.collection("rollup_deltas");
        this.rollups = rollups;
        this.timelines = timelines;
        this.points = points;
        this.catalog = catalog;
    }

    /** What one run did: whether any step ran, and how much each carried over. */
    public record Outcome(boolean ran, int rollupChanges, int repositories) {
    }

    void onStart(@Observes StartupEvent started) {
        Outcome outcome = run();
        if (outcome.ran()) {
            LOG.infof("storage upgrade: %d roll-up changes and %d repository timelines carried over",
                    outcome.rollupChanges(), outcome.repositories());
        }
    }

    /**
     * Runs each step unless it is done or another live replica is running it.
     *
     * @return what this call did
     */
    public Outcome run() {
        boolean ran = false;
        int changes = 0;
        int repositories = 0;
        if (claim(ROLLUPS)) {
            changes = carryRollups();
            finish(ROLLUPS);
            ran = true;
        }
        if (claim(TIMELINES)) {
            repositories = writeTimelines();
            finish(TIMELINES);
            ran = true;
        }
        return new Outcome(ran, changes, repositories);
    }

    private int carryRollups() {
        int changes = 0;
        for (Document old : oldRollups.find(Filters.ne("migrated", true))) {
            String scope = old.getString("scope");
            rollups.add(old.getString("org"), scope.startsWith("team:") ? scope.substring("team:".length()) : null,
                    LocalDate.parse(old.getString("day")), contribution(old));
            oldRollups.updateOne(Filters.eq("_id", old.get("_id")), Updates.set("migrated", true));
            if (++changes % 500 == 0) {
                renew(ROLLUPS);
            }
        }
        return changes;
    }

    private int writeTimelines() {
        List<String> repoIds = points.repoIds();
        List<TimelineRepository.History> batch = new ArrayList<>();
        for (String repoId : repoIds) {
            batch.add(new TimelineRepository.History(points.all(repoId), catalog.find(repoId)
                    .map(RepositoryCatalog.KnownRepository::deletedDay).orElse(null)));
            if (batch.size() == REPOSITORIES_PER_WRITE) {
                timelines.rebuild(batch);
                batch.clear();
                renew(TIMELINES);
            }
        }
        timelines.rebuild(batch);
        return repoIds.size();
    }

    private boolean claim(String id) {
        Instant now = Instant.now();
        try {
            migrations.insertOne(new Document("_id", id).append("state", RUNNING).append("owner", replica)
                    .append("renewedAt", now.toString()));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        return migrations.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("state", RUNNING),
                Filters.lt("renewedAt", now.minus(STALE).toString())), Updates.combine(
                        Updates.set("owner", replica), Updates.set("renewedAt", now.toString())))
                .getModifiedCount() == 1;
    }

    private void renew(String id) {
        migrations.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("owner", replica)),
                Updates.set("renewedAt", Instant.now().toString()));
    }

    private void finish(String id) {
        migrations.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("state", DONE),
                Updates.set("finishedAt", Instant.now().toString())));
    }

    private static Contribution contribution(Document old) {
        Map<String, Double> categoryLoc = new HashMap<>();
        Document categories = old.get("categoryLoc", Document.class);
        if (categories != null) {
            categories.forEach((k, v) -> categoryLoc.put(k, ((Number) v).doubleValue()));
        }
        return new Contribution(((Number) old.get("indexLoc")).doubleValue(), ((Number) old.get("loc")).doubleValue(),
                ((Number) old.get("repositories")).intValue(), categoryLoc);
    }
}
