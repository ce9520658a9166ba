package io.debtwatch.analysis.repository;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.debtwatch.events.CommitDiscovered;
import io.debtwatch.events.EventJson;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Every commit this service was asked to analyse, as it arrived, so a new analyzer version can
 * re-analyse the latest commit of each repository or a whole history without asking ingest again.
 */
@ApplicationScoped
@Startup
public class CommitRepository {

    private final MongoCollection<Document> commits;

    CommitRepository(AnalysisDatabase database) {
        this.commits = database.get().getCollection("commits");
        commits.createIndex(Indexes.ascending("org", "repoId", "depth"));
    }

    /**
     * Records commits in one round trip; recording one again writes the same content.
     *
     * @param discovered the commits as discovered
     */
    public void recordAll(Collection<CommitDiscovered> discovered) {
        if (discovered.isEmpty()) {
            return;
        }
        commits.bulkWrite(discovered.stream().map(commit -> new ReplaceOneModel<>(eq("_id", commit.eventId()),
                new Document("_id", commit.eventId()).append("org", commit.org()).append("repoId", commit.repoId())
                        .append("depth", commit.depth()).append("json", EventJson.write(commit)),
                new ReplaceOptions().upsert(true))).toList(), new BulkWriteOptions().ordered(false));
    }

    /**
     * @param org    the organisation
     * @param repoId one repository, or null for all of the org's
     * @return how many commits are known
     */
    public long count(String org, String repoId) {
        return commits.countDocuments(filter(org, repoId));
    }

    /**
     * @param org    the organisation
     * @param repoId one repository, or null for all of the org's
     * @return every known commit, each repository's oldest first so parents come before children
     */
    public List<CommitDiscovered> history(String org, String repoId) {
        List<CommitDiscovered> result = new ArrayList<>();
        commits.find(filter(org, repoId)).sort(Sorts.ascending("repoId", "depth"))
                .forEach(d -> result.add(EventJson.read(d.getString("json"), CommitDiscovered.class)));
        return result;
    }

    /**
     * @param org    the organisation
     * @param repoId one repository, or null for all of the org's
     * @return the newest known commit of each repository
     */
    public List<CommitDiscovered> latest(String org, String repoId) {
        Map<String, CommitDiscovered> newest = new LinkedHashMap<>();
        commits.find(filter(org, repoId)).sort(Sorts.orderBy(Sorts.ascending("repoId"), Sorts.descending("depth")))
                .forEach(d -> newest.computeIfAbsent(d.getString("repoId"),
                        id -> EventJson.read(d.getString("json"), CommitDiscovered.class)));
        return new ArrayList<>(newest.values());
    }

    private static Bson filter(String org, String repoId) {
        return repoId == null ? eq("org", org) : and(eq("org", org), eq("repoId", repoId));
    }
}
