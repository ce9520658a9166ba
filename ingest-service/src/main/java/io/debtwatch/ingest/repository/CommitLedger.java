package io.debtwatch.ingest.repository;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.bson.Document;

/**
 * The commits already discovered per repository, with their first-parent depth, so a commit is
 * never announced twice and a new commit's depth is its known parent's plus one.
 */
@ApplicationScoped
public class CommitLedger {

    private final MongoCollection<Document> commits;

    CommitLedger(IngestDatabase database) {
        this.commits = database.get().getCollection("commits");
    }

    /**
     * @param repoId the repository
     * @param sha    a commit
     * @return its depth when it was discovered before
     */
    public Optional<Long> depthOf(String repoId, String sha) {
        Document d = commits.find(eq("_id", repoId + ":" + sha)).first();
        return d == null ? Optional.empty() : Optional.of(((Number) d.get("depth")).longValue());
    }

    /**
     * @param repoId the repository
     * @param sha    a commit now queued for emission
     * @param depth  its depth on the first-parent chain
     */
    public void record(String repoId, String sha, long depth) {
        commits.replaceOne(eq("_id", repoId + ":" + sha),
                new Document("_id", repoId + ":" + sha).append("repoId", repoId).append("sha", sha)
                        .append("depth", depth), new ReplaceOptions().upsert(true));
    }
}
