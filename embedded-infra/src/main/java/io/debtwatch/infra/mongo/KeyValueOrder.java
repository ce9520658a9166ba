package io.debtwatch.infra.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.time.Instant;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.h2.mvstore.type.ObjectDataType;

/**
 * A total order of index keys ({@link KeyValue}) that compares their values natively, consistent with
 * {@link KeyValue#equals}: two keys compare as 0 exactly when they are equal. The order is persisted (it
 * sorts the on-disk index maps), so the class ranks below must never be reordered; a change needs new
 * index map names in {@link OrderedKeyH2Backend}.
 */
final class KeyValueOrder {

    private static final int NULL = 0;
    private static final int DOUBLE = 1;
    private static final int LONG = 2;
    private static final int INTEGER = 3;
    private static final int STRING = 4;
    private static final int DOCUMENT = 5;
    private static final int LIST = 6;
    private static final int OBJECT_ID = 7;
    private static final int BOOLEAN = 8;
    private static final int DATE = 9;
    private static final int INSTANT = 10;
    private static final int UUID_RANK = 11;
    private static final int BSON_TIMESTAMP = 12;
    private static final int OTHER = 13;

    /** Exact classes (not subclasses) whose {@code compareTo} agrees with {@code equals}, and documents. */
    private static final Map<Class<?>, Integer> RANKS = Map.ofEntries(Map.entry(Double.class, DOUBLE),
            Map.entry(Long.class, LONG), Map.entry(Integer.class, INTEGER), Map.entry(String.class, STRING),
            Map.entry(Document.class, DOCUMENT), Map.entry(ObjectId.class, OBJECT_ID), Map.entry(Boolean.class, BOOLEAN),
            Map.entry(Date.class, DATE), Map.entry(Instant.class, INSTANT), Map.entry(UUID.class, UUID_RANK),
            Map.entry(BsonTimestamp.class, BSON_TIMESTAMP));

    private KeyValueOrder() {
    }

    static int compareKeys(KeyValue a, KeyValue b) {
        return compareSequences(a, b);
    }

    /**
     * Values of different kinds (as {@code equals} tells them apart: 1.0, 1L and 1 are three kinds) are
     * ordered by a fixed rank; values of one kind by their own order. Only classes whose
     * {@code compareTo} agrees with {@code equals} are compared by it; anything else falls back to the
     * class name and then to the serialised bytes, which is what the stock backend did for every key.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compareValues(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        int rankA = rank(a);
        int rankB = rank(b);
        if (rankA != rankB) {
            return Integer.compare(rankA, rankB);
        }
        return switch (rankA) {
            case DOCUMENT -> compareDocuments((Document) a, (Document) b);
            case LIST -> compareSequences((List<?>) a, (List<?>) b);
            case OTHER -> compareOthers(a, b);
            // NULL is handled by a == b: both null
            default -> ((Comparable) a).compareTo(b);
        };
    }

    private static int rank(Object value) {
        if (value == null) {
            return NULL;
        }
        Integer rank = RANKS.get(value.getClass());
        if (rank != null) {
            return rank;
        }
        return value instanceof List ? LIST : OTHER;
    }

    /** Like {@link Document#equals}: the field order counts. */
    private static int compareDocuments(Document a, Document b) {
        Iterator<Map.Entry<String, Object>> left = a.entrySet().iterator();
        Iterator<Map.Entry<String, Object>> right = b.entrySet().iterator();
        while (left.hasNext() && right.hasNext()) {
            Map.Entry<String, Object> x = left.next();
            Map.Entry<String, Object> y = right.next();
            int c = x.getKey().compareTo(y.getKey());
            if (c == 0) {
                c = compareValues(x.getValue(), y.getValue());
            }
            if (c != 0) {
                return c;
            }
        }
        return Boolean.compare(left.hasNext(), right.hasNext());
    }

    /** Element by element, then the shorter first: consistent with {@link List#equals}. */
    private static int compareSequences(Iterable<?> a, Iterable<?> b) {
        Iterator<?> left = a.iterator();
        Iterator<?> right = b.iterator();
        while (left.hasNext() && right.hasNext()) {
            int c = compareValues(left.next(), right.next());
            if (c != 0) {
                return c;
            }
        }
        return Boolean.compare(left.hasNext(), right.hasNext());
    }

    private static int compareOthers(Object a, Object b) {
        int c = a.getClass().getName().compareTo(b.getClass().getName());
        if (c != 0 || a.equals(b)) {
            return c;
        }
        return ObjectDataType.compareNotNull(ObjectDataType.serialize(a), ObjectDataType.serialize(b));
    }
}
