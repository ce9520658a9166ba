package io.debtwatch.scoring.repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import io.debtwatch.scoring.service.Buckets;
import io.debtwatch.scoring.service.CommitScore;
import io.debtwatch.service.mongo.ByIds;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/** Commit scores, one document per (repoId, sha, analyzerVersion); the analysis eventId is the key. */
@ApplicationScoped
@Startup
public class ScoreRepository {

    private final MongoCollection<Document> scores;

    ScoreRepository(ScoringDatabase database) {
        this.scores = database.collection("scores");
    }

    @PostConstruct
    void indexes() {
        scores.createIndex(Indexes.ascending("org", "repoId", "sha"));
        scores.createIndex(Indexes.ascending("repoId", "committedAtDate"), new IndexOptions());
    }

    /** A stored score and whether every step after recording it (current score, points, roll-ups, events) finished. */
    public record Stored(CommitScore score, boolean complete) {
    }

    /**
     * @param ids score ids
     * @return the stored ones among them by id, read by {@code _id} alone
     */
    public Map<String, Stored> byIds(Collection<String> ids) {
        Map<String, Stored> found = new HashMap<>();
        for (Document d : ByIds.find(scores, ids)) {
            found.put(d.getString("_id"), new Stored(Docs.fromDocument(d, CommitScore.class),
                    Boolean.TRUE.equals(d.getBoolean("complete"))));
        }
        return found;
    }

    /**
     * Records new scores in one round trip. The caller read them as absent just before; a score
     * that is there all the same (a second writer) fails the whole call, and the caller then handles
     * its analyses one by one.
     *
     * @param all scores to record, none of them stored yet
     */
    public void insertAll(List<CommitScore> all) {
        if (all.isEmpty()) {
            return;
        }
        List<Document> docs = new ArrayList<>();
        for (CommitScore score : all) {
            LocalDate day = Buckets.day(score.committedAt());
            docs.add(Docs.toDocument(score).append("_id", score.id())
                    .append("committedAtDate", Date.from(score.committedAt()))
                    .append("day", day.toString()).append("week", Buckets.week(day)).append("month", Buckets.month(day))
                    .append("complete", false));
        }
        scores.insertMany(docs, new InsertManyOptions().ordered(false));
    }

    /**
     * @param ids score ids whose processing finished, marked in one round trip
     */
    public void markComplete(Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        List<UpdateOneModel<Document>> updates = new ArrayList<>();
        for (String id : ids) {
            updates.add(new UpdateOneModel<>(Filters.eq("_id", id), Updates.set("complete", true)));
        }
        scores.bulkWrite(updates, new BulkWriteOptions().ordered(false));
    }

    /**
     * @param id the score id
     * @return the score
     */
    public Optional<CommitScore> byId(String id) {
        return Optional.ofNullable(scores.find(Filters.eq("_id", id)).first())
                .map(d -> Docs.fromDocument(d, CommitScore.class));
    }

    /**
     * @param org    the organisation, so another org's repository is never found
     * @param repoId the repository
     * @param sha    the commit
     * @return the score of that commit by the newest analyzer that scored it
     */
    public Optional<CommitScore> byCommit(String org, String repoId, String sha) {
        return Optional.ofNullable(scores.find(Filters.and(Filters.eq("org", org), Filters.eq("repoId", repoId),
                Filters.eq("sha", sha))).sort(Sorts.descending("recordedAt")).first())
                .map(d -> Docs.fromDocument(d, CommitScore.class));
    }

    /**
     * @param repoId the repository
     * @param from   start, inclusive
     * @param to     end, exclusive
     * @return commits of the repository scored with a committer time in the range
     */
    public long commitsBetween(String repoId, Instant from, Instant to) {
        return scores.countDocuments(Filters.and(Filters.eq("repoId", repoId),
                Filters.gte("committedAtDate", Date.from(from)), Filters.lt("committedAtDate", Date.from(to))));
    }

    /**
     * @param repoId the repository whose history is purged
     */
    public void deleteRepository(String repoId) {
        scores.deleteMany(Filters.eq("repoId", repoId));
    }
}
