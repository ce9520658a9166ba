package io.debtwatch.scoring.repository;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import io.debtwatch.scoring.service.Buckets;
import io.debtwatch.events.EventJson;
import io.debtwatch.events.FindingSummary;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;

/**
 * Commit scores, one document per (repoId, sha, analyzerVersion); the analysis eventId is the key.
 * The three finding lists of a score (top, new, fixed: up to some 150 findings) are stored as one
 * JSON string, {@value #FINDINGS}: nothing queries inside them, and as nested documents they were
 * most of the fields the database decoded, held and encoded again for every commit. Scores stored
 * before keep their nested lists and read as they did.
 */
@ApplicationScoped
@Startup
public class ScoreRepository {

    /** The field holding a score's finding lists as JSON. */
    static final String FINDINGS = "findingsJson";
    /** Maps a score without its finding lists, which go to {@value #FINDINGS}. */
    private static final ObjectMapper WITHOUT_FINDINGS = EventJson.mapper().copy()
            .addMixIn(CommitScore.class, WithoutFindingLists.class);

    @JsonIgnoreProperties({ "topFindings", "newFindings", "fixedFindings" })
    private interface WithoutFindingLists {
    }

    /** The finding lists of a score as stored in {@value #FINDINGS}. */
    private record FindingLists(List<FindingSummary> topFindings, List<FindingSummary> newFindings,
            List<FindingSummary> fixedFindings) {
    }

    private final MongoCollection<Document> scores;
    /** One small document per score whose processing finished: marking it in the score document itself
     *  made the database copy and rewrite a document of some fifty findings for every analysis. */
    private final MongoCollection<Document> completions;

    ScoreRepository(ScoringDatabase database) {
        this.scores = database.collection("scores");
        this.completions = database.collection("score_completions");
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
        List<Document> docs = new ArrayList<>();
        ByIds.find(scores, ids).forEach(docs::add);
        if (docs.isEmpty()) {
            return found;
        }
        Set<String> completed = new HashSet<>();
        ByIds.find(completions, docs.stream().map(d -> d.getString("_id")).toList())
                .forEach(d -> completed.add(d.getString("_id")));
        for (Document d : docs) {
            String id = d.getString("_id");
            // a score stored before the completion marks had its flag in the document
            found.put(id, new Stored(read(d),
                    completed.contains(id) || Boolean.TRUE.equals(d.getBoolean("complete"))));
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
            docs.add(write(score).append("_id", score.id())
                    .append("committedAtDate", Date.from(score.committedAt()))
                    .append("day", day.toString()).append("week", Buckets.week(day)).append("month", Buckets.month(day)));
        }
        scores.insertMany(docs, new InsertManyOptions().ordered(false));
    }

    /**
     * @param done scores whose processing finished, marked in one round trip (marking one again changes nothing)
     */
    public void markComplete(Collection<CommitScore> done) {
        if (done.isEmpty()) {
            return;
        }
        List<ReplaceOneModel<Document>> marks = new ArrayList<>();
        for (CommitScore score : done) {
            marks.add(new ReplaceOneModel<>(Filters.eq("_id", score.id()),
                    new Document("_id", score.id()).append("repoId", score.repoId()), new ReplaceOptions().upsert(true)));
        }
        completions.bulkWrite(marks, new BulkWriteOptions().ordered(false));
    }

    /**
     * @param id the score id
     * @return the score
     */
    public Optional<CommitScore> byId(String id) {
        return Optional.ofNullable(scores.find(Filters.eq("_id", id)).first())
                .map(ScoreRepository::read);
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
                .map(ScoreRepository::read);
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

    private static Document write(CommitScore score) {
        try {
            Document document = new Document(WITHOUT_FINDINGS.convertValue(score, new TypeReference<Map<String, Object>>() { }));
            return document.append(FINDINGS, EventJson.mapper().writeValueAsString(
                    new FindingLists(score.topFindings(), score.newFindings(), score.fixedFindings())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the findings of score " + score.id() + " cannot be written", e);
        }
    }

    private static CommitScore read(Document stored) {
        String findings = stored.getString(FINDINGS);
        if (findings == null) {
            return Docs.fromDocument(stored, CommitScore.class);
        }
        Document document = new Document(stored);
        document.remove(FINDINGS);
        try {
            document.putAll(EventJson.mapper().readValue(findings, new TypeReference<Map<String, Object>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the findings of score " + stored.getString("_id") + " cannot be read", e);
        }
        return Docs.fromDocument(document, CommitScore.class);
    }

    /**
     * @param repoId the repository whose history is purged
     */
    public void deleteRepository(String repoId) {
        scores.deleteMany(Filters.eq("repoId", repoId));
        completions.deleteMany(Filters.eq("repoId", repoId));
    }
}
