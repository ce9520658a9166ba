package io.debtwatch.analysis.repository;

import static com.mongodb.client.model.Filters.eq;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import io.debtwatch.analyzer.FileAnalysis;
import io.debtwatch.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.bson.Document;

/**
 * Per-file results keyed by content (blob id, analyzer version, settings and path), so the same
 * file content is analysed once, whichever commit or worker meets it first.
 */
@ApplicationScoped
public class BlobResultRepository {

    private final MongoCollection<Document> blobs;

    BlobResultRepository(AnalysisDatabase database) {
        this.blobs = database.get().getCollection("blob_results");
    }

    public Optional<FileAnalysis> find(String key) {
        Document d = blobs.find(eq("_id", key)).first();
        if (d == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(EventJson.mapper().readValue(d.getString("json"), FileAnalysis.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored result " + key + " cannot be read", e);
        }
    }

    public void store(String key, FileAnalysis analysis) {
        try {
            blobs.replaceOne(eq("_id", key), new Document("_id", key)
                    .append("json", EventJson.mapper().writeValueAsString(analysis)), new ReplaceOptions().upsert(true));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("result for " + key + " cannot be written", e);
        }
    }
}
