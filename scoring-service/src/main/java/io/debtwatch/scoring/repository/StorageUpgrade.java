package io.debtwatch.scoring.repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.debtwatch.scoring.service.Contribution;
import io.debtwatch.scoring.service.DailyPoint;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.jboss.logging.Logger;

/**
 * Carries data stored before roll-ups were kept per month ({@code rollup_months}) and values per
 * repository timeline ({@code repository_timelines}) into that layout, once, at start-up, so trends
 * and leaderboards of an existing installation keep their history after an upgrade.
 *
 * <p>One replica does it: it claims a document in {@code migrations}, renews it while it works, and
 * another replica takes over a claim left unrenewed for {@link #STALE} (the claimant died). Each old
 * roll-up change is marked once carried over, so a takeover never adds it twice (a crash between
 * adding one change and marking it is the one window left). Timelines are written with set
 * operations, so replaying them is harmless. The old collection {@code rollup_deltas} is left as it
 * was, for a rollback.
 */
@ApplicationScoped
public class StorageUpgrade {

    /** The name of this upgrade in {@code migrations}. */
    static final String ID = "2026-11-rollup-months-and-timelines";
    /** A claim not renewed for this long belongs to a replica that died. */
    static final Duration STALE = Duration.ofMinutes(2);

    private static final Logger LOG = Logger.getLogger(StorageUpgrade.class);
    private static final String DONE = "done";
    private static final String RUNNING = "running";

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

    /** What one run did. */
    public record Outcome(boolean ran, int rollupChanges, int repositories) {
    }

    void onStart(@Observes StartupEvent started) {
        Outcome outcome = run();
        if (outcome.ran()) {
            LOG.infof("storage upgrade %s: %d roll-up changes and %d repository timelines carried over", ID,
                    outcome.rollupChanges(), outcome.repositories());
        }
    }

    /**
     * Runs the upgrade unless it is done or another live replica is running it.
     *
     * @return what this call did
     */
    public Outcome run() {
        if (!claim()) {
            return new Outcome(false, 0, 0);
        }
        int changes = 0;
        for (Document old : oldRollups.find(Filters.ne("migrated", true))) {
            String scope = old.getString("scope");
            rollups.add(old.getString("org"), scope.startsWith("team:") ? scope.substring("team:".length()) : null,
                    LocalDate.parse(old.getString("day")), contribution(old));
            oldRollups.updateOne(Filters.eq("_id", old.get("_id")), Updates.set("migrated", true));
            if (++changes % 500 == 0) {
                renew();
            }
        }
        List<String> repoIds = points.repoIds();
        for (String repoId : repoIds) {
            List<DailyPoint> history = points.all(repoId);
            for (int i = 0; i < history.size(); i++) {
                timelines.record(history.get(i), i == 0 ? Optional.empty() : Optional.of(history.get(i - 1)),
                        i + 1 == history.size() ? Optional.empty() : Optional.of(history.get(i + 1)));
            }
            catalog.find(repoId).map(RepositoryCatalog.KnownRepository::deletedDay).ifPresent(day ->
                    timelines.deleteFrom(repoId, day, history.stream()
                            .filter(p -> LocalDate.parse(p.day()).isBefore(day)).reduce((a, b) -> b)));
            renew();
        }
        migrations.updateOne(Filters.eq("_id", ID), Updates.combine(Updates.set("state", DONE),
                Updates.set("finishedAt", Instant.now().toString())));
        return new Outcome(true, changes, repoIds.size());
    }

    private boolean claim() {
        Instant now = Instant.now();
        try {
            migrations.insertOne(new Document("_id", ID).append("state", RUNNING).append("owner", replica)
                    .append("renewedAt", now.toString()));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        return migrations.updateOne(Filters.and(Filters.eq("_id", ID), Filters.eq("state", RUNNING),
                Filters.lt("renewedAt", now.minus(STALE).toString())), Updates.combine(
                        Updates.set("owner", replica), Updates.set("renewedAt", now.toString())))
                .getModifiedCount() == 1;
    }

    private void renew() {
        migrations.updateOne(Filters.and(Filters.eq("_id", ID), Filters.eq("owner", replica)),
                Updates.set("renewedAt", Instant.now().toString()));
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
