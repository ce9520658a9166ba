package io.debtwatch.service.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import org.bson.Document;

/**
 * Reads documents by a list of ids with {@code $in} on {@code _id}, the one query the local
 * MongoDB-wire server answers from an index, in slices: it then matches every document found
 * against the whole list again, so one list of thousands costs quadratic time.
 */
public final class ByIds {

    /** Ids per {@code $in} query. */
    public static final int IDS_PER_QUERY = 200;

    private ByIds() {
    }

    /**
     * @param collection the collection
     * @param ids        the ids, duplicates allowed
     * @return the documents found, each once
     */
    public static List<Document> find(MongoCollection<Document> collection, Collection<String> ids) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
        List<Document> found = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i += IDS_PER_QUERY) {
            collection.find(Filters.in("_id", distinct.subList(i, Math.min(distinct.size(), i + IDS_PER_QUERY))))
                    .forEach(found::add);
        }
        return found;
    }
}
