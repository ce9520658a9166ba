package io.debtwatch.scoring.repository;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.debtwatch.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;

/**
 * Scores per commit, and the current score per repository. Time buckets (day, ISO week, month)
 * are written with each score: the local MongoDB-wire server has no {@code $dateTrunc}.
 */
@ApplicationScoped
public class ScoreRepository {

    private final MongoCollection<Document> scores;
    private final MongoCollection<Document> current;

    ScoreRepository(ScoringDatabase database) {
        this.scores = database.get().getCollection("scores");
        this.current = database.get().getCollection("current_scores");
        scores.createIndex(Indexes.ascending("org", "repoId", "sha"));
        scores.createIndex(Indexes.ascending("org", "day"));
        current.createIndex(Indexes.ascending("org"), new IndexOptions());
    }

    /**
     * @param score a commit's score
     * @return false when this (repoId, sha, analyzerVersion) was scored before; nothing changes then
     */
    public boolean insertOnce(CommitScore score) {
        ZonedDateTime at = score.committedAt().atZone(ZoneOffset.UTC);
        Document doc = new Document("_id", score.id()).append("org", score.org()).append("repoId", score.repoId())
                .append("team", score.team()).append("sha", score.sha()).append("depth", score.depth())
                .append("index", score.index()).append("grade", score.grade())
                .append("linesOfCode", score.linesOfCode()).append("committedAt", Date.from(score.committedAt()))
                .append("day", at.format(DateTimeFormatter.ISO_LOCAL_DATE))
                .append("isoWeek", String.format("%d-W%02d", at.get(IsoFields.WEEK_BASED_YEAR),
                        at.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)))
                .append("month", at.format(DateTimeFormatter.ofPattern("yyyy-MM")))
                .append("json", write(score));
        try {
            scores.insertOne(doc);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    public Optional<CommitScore> find(String id) {
        return Optional.ofNullable(scores.find(eq("_id", id)).first()).map(ScoreRepository::read);
    }

    /**
     * @param org    the organisation
     * @param repoId the repository
     * @param sha    a commit
     * @return its most recently scored analysis
     */
    public Optional<CommitScore> findCommit(String org, String repoId, String sha) {
        return Optional.ofNullable(scores.find(and(eq("org", org), eq("repoId", repoId), eq("sha", sha)))
                .sort(Sorts.descending("_id")).first()).map(ScoreRepository::read);
    }

    /**
     * Makes the score the repository's current one if it is newer in commit-graph order (greater
     * depth) than the current one; an older commit arriving late never replaces it.
     *
     * @param score a stored score
     * @return the score it replaced, or empty when it did not become current
     */
    public Optional<Optional<CommitScore>> promoteIfNewer(CommitScore score) {
        Document previous = current.find(eq("_id", score.repoId())).first();
        if (previous != null && ((Number) previous.get("depth")).longValue() >= score.depth()) {
            return Optional.empty();
        }
        Document next = new Document("_id", score.repoId()).append("org", score.org()).append("depth", score.depth())
                .append("scoreId", score.id());
        try {
            if (previous == null) {
                current.insertOne(next);
            } else {
                var result = current.replaceOne(and(eq("_id", score.repoId()), lt("depth", score.depth())), next,
                        new ReplaceOptions());
                if (result.getMatchedCount() == 0) {
                    return Optional.empty();
                }
            }
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return promoteIfNewer(score);
            }
            throw e;
        }
        return Optional.of(previous == null ? Optional.empty() : find(previous.getString("scoreId")));
    }

    /**
     * @param org    the organisation
     * @param repoId the repository
     * @return its current score
     */
    public Optional<CommitScore> current(String org, String repoId) {
        Document pointer = current.find(and(eq("_id", repoId), eq("org", org))).first();
        return pointer == null ? Optional.empty() : find(pointer.getString("scoreId"));
    }

    private static String write(CommitScore score) {
        try {
            return EventJson.mapper().writeValueAsString(score);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write score " + score.id(), e);
        }
    }

    private static CommitScore read(Document doc) {
        try {
            return EventJson.mapper().readValue(doc.getString("json"), CommitScore.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored score " + doc.get("_id") + " cannot be read", e);
        }
    }
}
