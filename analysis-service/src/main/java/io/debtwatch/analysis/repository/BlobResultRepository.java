package io.debtwatch.analysis.repository;

import static com.mongodb.client.model.Filters.eq;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import io.debtwatch.analyzer.FileAnalysis;
import io.debtwatch.events.EventJson;
import io.debtwatch.service.mongo.ByIds;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * Per-file results keyed by content (analyzer version, settings, blob id and path), so the same
 * file content is analysed once, whichever commit or worker meets it first. These are also the
 * stored findings of every snapshot: a snapshot references its files' results, so each blob's
 * findings are kept once however many commits contain it.
 */
@ApplicationScoped
@Startup
public class BlobResultRepository {

    private final MongoCollection<Document> blobs;

    BlobResultRepository(AnalysisDatabase database) {
        this.blobs = database.get().getCollection("blob_results");
    }

    /**
     * @param keys result keys
     * @return the stored results among them, by key
     */
    public Map<String, FileAnalysis> findAll(Collection<String> keys) {
        Map<String, FileAnalysis> found = new HashMap<>();
        ByIds.find(blobs, keys).forEach(d -> found.put(d.getString("_id"), read(d)));
        return found;
    }

    /**
     * Stores results in one round trip; storing the same key again writes the same content.
     *
     * @param results the results by key
     */
    public void storeAll(Map<String, FileAnalysis> results) {
        if (results.isEmpty()) {
            return;
        }
        List<ReplaceOneModel<Document>> writes = new ArrayList<>();
        results.forEach((key, analysis) -> writes.add(new ReplaceOneModel<>(eq("_id", key),
                new Document("_id", key).append("json", write(key, analysis)), new ReplaceOptions().upsert(true))));
        blobs.bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    private static String write(String key, FileAnalysis analysis) {
        try {
            return EventJson.mapper().writeValueAsString(analysis);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("result for " + key + " cannot be written", e);
        }
    }

    private static FileAnalysis read(Document d) {
        try {
            return EventJson.mapper().readValue(d.getString("json"), FileAnalysis.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored result " + d.getString("_id") + " cannot be read", e);
        }
    }
}
