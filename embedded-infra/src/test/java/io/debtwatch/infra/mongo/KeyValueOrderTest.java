package io.debtwatch.infra.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The index key order is total and agrees with {@link KeyValue#equals}, as a B-tree needs. */
class KeyValueOrderTest {

    @Test
    void orderIsTotalAndConsistentWithEquals() {
        List<KeyValue> keys = keys();
        for (KeyValue a : keys) {
            for (KeyValue b : keys) {
                int ab = Integer.signum(KeyValueOrder.compareKeys(a, b));
                assertEquals(-ab, Integer.signum(KeyValueOrder.compareKeys(b, a)), a + " vs " + b);
                assertEquals(a.equals(b), ab == 0, a + " vs " + b);
                for (KeyValue c : keys) {
                    if (ab <= 0 && KeyValueOrder.compareKeys(b, c) <= 0) {
                        assertTrue(KeyValueOrder.compareKeys(a, c) <= 0, a + " <= " + b + " <= " + c);
                    }
                }
            }
        }
    }

    private static List<KeyValue> keys() {
        List<Object> values = new ArrayList<>(Arrays.asList(null, Missing.getInstance(), 1, 2, -1, 1L, 1L << 60, 1.0, -0.0, 0.0,
                Double.NaN, 2.5, "", "a", "b", "ab", "ä", true, false, new Date(0), new Date(1), Instant.EPOCH,
                new UUID(1, 2), new UUID(-1, 2), new ObjectId("5f0000000000000000000001"),
                new ObjectId("5f0000000000000000000002"), new BinData(new byte[] {1, 2}), new BinData(new byte[] {1}),
                List.of(1, 2), new LinkedList<>(List.of(1, 2)), List.of(1), List.of(), List.of("a", List.of(1.0))));
        values.add(new Document("a", 1).append("b", 2));
        values.add(new Document("b", 2).append("a", 1));
        values.add(new Document("a", 1));
        values.add(new Document("a", 1).append("b", new Document("c", null)));
        values.add(new Document("a", 1).append("b", new Document("c", "x")));
        values.add(new Document());
        List<KeyValue> keys = new ArrayList<>();
        for (Object value : values) {
            keys.add(new KeyValue(value));
            keys.add(new KeyValue(value, "tail"));
            keys.add(new KeyValue("head", value));
        }
        return keys;
    }
}
