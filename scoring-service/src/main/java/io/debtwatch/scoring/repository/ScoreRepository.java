package io.debtwatch.scoring.repository;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.debtwatch.events.EventIds;
import io.debtwatch.scoring.service.Buckets;
import io.debtwatch.scoring.service.CommitScore;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
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

    /**
     * @param score the score to record
     * @return false when it was recorded before, which makes a redelivery a no-op
     */
    public boolean insert(CommitScore score) {
        LocalDate day = Buckets.day(score.committedAt());
        Document doc = Docs.toDocument(score).append("_id", score.id())
                .append("committedAtDate", Date.from(score.committedAt()))
                .append("day", day.toString()).append("week", Buckets.week(day)).append("month", Buckets.month(day))
                .append("complete", false);
        try {
            scores.insertOne(doc);
            return true;
        } catch (MongoWriteException e) {
            if (Docs.duplicate(e)) {
                return false;
            }
            throw e;
        }
    }

    /**
     * @param id the score id
     * @return whether every step after recording it (current score, points, roll-ups, events) finished
     */
    public boolean complete(String id) {
        Document doc = scores.find(Filters.eq("_id", id)).projection(new Document("complete", 1)).first();
        return doc != null && Boolean.TRUE.equals(doc.getBoolean("complete"));
    }

    /**
     * @param id the score id whose processing finished
     */
    public void markComplete(String id) {
        scores.updateOne(Filters.eq("_id", id), Updates.set("complete", true));
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
     * @param repoId          the repository
     * @param sha             the parent commit
     * @param analyzerVersion the analyzer version, so scores are compared like with like
     * @return the parent's score, found by its id: a score's id is its analysis's eventId, which the
     *         contract fixes as {@code repoId:sha:analyzerVersion}; a lookup by those fields would scan
     *         where no index serves it (the local wire server), once per analysis
     */
    public Optional<CommitScore> parent(String repoId, String sha, String analyzerVersion) {
        return byId(EventIds.analysis(repoId, sha, analyzerVersion));
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
