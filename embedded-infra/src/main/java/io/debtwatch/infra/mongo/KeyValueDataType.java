package io.debtwatch.infra.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the on-disk unique-index maps: H2's {@link ObjectDataType} (so keys are stored in the
 * same bytes as before) whose comparison of two {@link KeyValue}s uses {@link KeyValueOrder} instead of
 * Java-serialising both keys on every step of a B-tree search, as the stock type does for a class that is
 * not {@link Comparable}.
 */
final class KeyValueDataType extends ObjectDataType {

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue left && b instanceof KeyValue right) {
            return KeyValueOrder.compareKeys(left, right);
        }
        return super.compare(a, b);
    }
}
