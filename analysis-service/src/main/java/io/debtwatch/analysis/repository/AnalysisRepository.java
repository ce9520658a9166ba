package io.debtwatch.analysis.repository;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import io.debtwatch.events.CommitAnalyzed;
import io.debtwatch.events.EventJson;
import io.debtwatch.service.mongo.ByIds;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bson.Document;

/**
 * Every analysis ever published, by eventId: a redelivered commit gets the stored analysis again,
 * never a second, different one.
 */
@ApplicationScoped
@Startup
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
     * @param eventIds analysis eventIds
     * @return the stored analyses among them, by eventId; read by {@code _id}
     */
    public Map<String, Stored> findAll(Collection<String> eventIds) {
        Map<String, Stored> found = new HashMap<>();
        ByIds.find(analyses, eventIds).forEach(d -> found.put(d.getString("_id"), Stored.of(d.getString("json"))));
        return found;
    }

    /**
     * Stores analyses in one round trip; one whose eventId is stored already keeps the stored one.
     *
     * @param timed the analyses, each with how long computing it took (kept for the benchmark and for operators)
     * @return the stored analysis of each eventId: the one given, or the one stored before
     */
    public Map<String, Stored> storeAll(List<Timed> timed) {
        Map<String, Stored> result = new LinkedHashMap<>();
        if (timed.isEmpty()) {
            return result;
        }
        List<Document> documents = new ArrayList<>();
        for (Timed t : timed) {
            CommitAnalyzed a = t.analysis();
            Stored stored = new Stored(a, EventJson.write(a));
            result.put(a.eventId(), stored);
            documents.add(new Document("_id", a.eventId()).append("repoId", a.repoId()).append("org", a.org())
                    .append("sha", a.sha()).append("analyzerVersion", a.analyzerVersion()).append("storedAt", new Date())
                    .append("durationMillis", t.durationMillis()).append("json", stored.json()));
        }
        try {
            analyses.insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            List<String> before = new ArrayList<>();
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                before.add(documents.get(error.getIndex()).getString("_id"));
            }
            Map<String, Stored> stored = findAll(before);
            before.forEach(id -> result.put(id, Objects.requireNonNull(stored.get(id), id)));
        }
        return result;
    }

    /**
     * An analysis as stored: the event, and its JSON as written once, which is also what is published.
     *
     * @param analysis the analysis
     * @param json     its JSON
     */
    public record Stored(CommitAnalyzed analysis, String json) {

        static Stored of(String json) {
            return new Stored(EventJson.read(json, CommitAnalyzed.class), json);
        }
    }

    /**
     * An analysis to store.
     *
     * @param analysis       the analysis
     * @param durationMillis how long computing it took
     */
    public record Timed(CommitAnalyzed analysis, double durationMillis) {
    }
}
