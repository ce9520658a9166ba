package io.debtwatch.scoring.repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.debtwatch.scoring.service.CommitScore;
import io.debtwatch.scoring.service.CurrentScore;
import io.debtwatch.scoring.service.Standing;
import io.debtwatch.service.mongo.ByIds;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;

/** The current score per repository: only a deeper commit on the default branch replaces it. */
@ApplicationScoped
@Startup
public class CurrentScoreRepository {

    private final MongoCollection<Document> current;

    CurrentScoreRepository(ScoringDatabase database) {
        this.current = database.collection("current_scores");
    }

    @PostConstruct
    void indexes() {
        current.createIndex(Indexes.ascending("org", "deleted"));
    }

    /**
     * @param org    the organisation
     * @param repoId the repository
     * @return its current score, if it has one in that org
     */
    public Optional<CurrentScore> find(String org, String repoId) {
        return Optional.ofNullable(current.find(Filters.and(Filters.eq("_id", repoId), Filters.eq("org", org))).first())
                .map(d -> Docs.fromDocument(d, CurrentScore.class));
    }

    /**
     * @param org the organisation
     * @return where its repositories that are not deleted stand now, read without their category scores
     */
    public List<Standing> live(String org) {
        List<Standing> all = new ArrayList<>();
        for (Document d : current.find(Filters.and(Filters.eq("org", org), Filters.eq("deleted", false)))
                .projection(Projections.include("team", "index", "grade", "linesOfCode"))) {
            all.add(new Standing(d.getString("_id"), d.getString("team"), ((Number) d.get("index")).doubleValue(),
                    d.getString("grade"), ((Number) d.get("linesOfCode")).longValue()));
        }
        return all;
    }

    /**
     * @param repoIds repositories
     * @return their current scores by repository id, whatever their org (the caller compares it), in
     *         one read by {@code _id}
     */
    public Map<String, CurrentScore> findAll(Collection<String> repoIds) {
        Map<String, CurrentScore> found = new HashMap<>();
        for (Document d : ByIds.find(current, repoIds)) {
            found.put(d.getString("_id"), Docs.fromDocument(d, CurrentScore.class));
        }
        return found;
    }

    /**
     * Makes each score current, in one round trip, where its commit is deeper than the current one.
     * A repository with a current score is updated only when the stored depth is smaller, so a late
     * older commit matches nothing and changes nothing; one without gets the score inserted, and a
     * score inserted meanwhile by another writer fails the call.
     *
     * @param scores   at most one new score per repository
     * @param existing the repositories that have a current score already
     */
    public void advanceAll(Collection<CommitScore> scores, Set<String> existing) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (CommitScore score : scores) {
            Document doc = Docs.toDocument(view(score));
            doc.remove("repoId");
            if (existing.contains(score.repoId())) {
                writes.add(new UpdateOneModel<>(Filters.and(Filters.eq("_id", score.repoId()),
                        Filters.lt("depth", score.depth())), new Document("$set", doc)));
            } else {
                writes.add(new InsertOneModel<>(doc.append("_id", score.repoId()).append("repoId", score.repoId())));
            }
        }
        if (!writes.isEmpty()) {
            current.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    /**
     * @param repoId the repository that was deleted
     */
    public void markDeleted(String repoId) {
        current.updateOne(Filters.eq("_id", repoId), Updates.set("deleted", true));
    }

    /**
     * @param repoId the repository whose history is purged
     */
    public void delete(String repoId) {
        current.deleteOne(Filters.eq("_id", repoId));
    }

    /**
     * @param s a score
     * @return the current score it makes
     */
    public static CurrentScore view(CommitScore s) {
        return new CurrentScore(s.repoId(), s.org(), s.team(), s.id(), s.depth(), s.index(), s.grade(),
                s.linesOfCode(), s.categoryScores(), false);
    }
}
