package io.debtwatch.scoring.repository;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import io.debtwatch.events.EventJson;
import java.util.Map;
import org.bson.Document;

/** Maps records to MongoDB documents and back through the one event JSON mapping. */
final class Docs {

    private static final ObjectMapper MAPPER = EventJson.mapper();

    private Docs() {
    }

    static Document toDocument(Object value) {
        return new Document(MAPPER.convertValue(value, new TypeReference<Map<String, Object>>() { }));
    }

    static <T> T fromDocument(Document document, Class<T> type) {
        Document copy = new Document(document);
        copy.remove("_id");
        return MAPPER.convertValue(copy, type);
    }

    static <T> T convert(Object value, TypeReference<T> type) {
        return MAPPER.convertValue(value, type);
    }

    /** Whether a write failed only because the document is already there, which idempotent writes expect. */
    static boolean duplicate(MongoWriteException e) {
        return e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
}
