package io.debtwatch.scoring.repository;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import io.debtwatch.scoring.service.CommitScore;
import io.debtwatch.scoring.service.CurrentScore;
import io.debtwatch.scoring.service.Standing;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
     * Makes the score current when its commit is deeper than the current one. A late older commit
     * matches nothing and changes nothing.
     *
     * @param score the new score
     * @return true when it became current
     */
    public boolean advance(CommitScore score) {
        Document doc = Docs.toDocument(view(score));
        doc.remove("repoId");
        long matched = current.updateOne(Filters.and(Filters.eq("_id", score.repoId()),
                Filters.lt("depth", score.depth())), new Document("$set", doc)).getMatchedCount();
        if (matched > 0) {
            return true;
        }
        try {
            current.insertOne(doc.append("_id", score.repoId()).append("repoId", score.repoId()));
            return true;
        } catch (MongoWriteException e) {
            if (Docs.duplicate(e)) {
                return false;
            }
            throw e;
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

    private static CurrentScore view(CommitScore s) {
        return new CurrentScore(s.repoId(), s.org(), s.team(), s.id(), s.depth(), s.index(), s.grade(),
                s.linesOfCode(), s.categoryScores(), false);
    }
}
