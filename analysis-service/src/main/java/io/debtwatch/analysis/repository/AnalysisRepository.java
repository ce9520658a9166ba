package io.debtwatch.analysis.repository;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import io.debtwatch.events.CommitAnalyzed;
import io.debtwatch.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;

/**
 * Every analysis ever published, by eventId: a redelivered commit gets the stored analysis again,
 * never a second, different one.
 */
@ApplicationScoped
public class AnalysisRepository {

    private final MongoCollection<Document> analyses;

    AnalysisRepository(AnalysisDatabase database) {
        this.analyses = database.get().getCollection("analyses");
    }

    /**
     * @param eventId {@code repoId:sha:analyzerVersion}
     * @return the stored analysis, if any
     */
    public Optional<CommitAnalyzed> find(String eventId) {
        Document d = analyses.find(eq("_id", eventId)).first();
        return d == null ? Optional.empty() : Optional.of(EventJson.read(d.getString("json"), CommitAnalyzed.class));
    }

    /**
     * Stores an analysis unless one with its eventId exists.
     *
     * @param analysis       the analysis
     * @param durationMillis how long computing it took, kept for the benchmark and for operators
     * @return the stored analysis: this one, or the one stored before
     */
    public CommitAnalyzed storeOnce(CommitAnalyzed analysis, double durationMillis) {
        try {
            analyses.insertOne(new Document("_id", analysis.eventId()).append("repoId", analysis.repoId())
                    .append("org", analysis.org()).append("sha", analysis.sha())
                    .append("analyzerVersion", analysis.analyzerVersion()).append("storedAt", new Date())
                    .append("durationMillis", durationMillis).append("json", EventJson.write(analysis)));
            return analysis;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return find(analysis.eventId()).orElseThrow();
            }
            throw e;
        }
    }
}
