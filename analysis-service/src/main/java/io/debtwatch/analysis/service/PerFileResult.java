package io.debtwatch.analysis.service;

import io.debtwatch.analyzer.FileAnalysis;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A value derived from a file result, computed once per result and looked up by identity (a result
 * is immutable, and comparing two by value would walk all their findings). A commit's snapshot
 * carries most results over from its parent, so each commit derives values for the few files it
 * changed only. At most {@link #MAX_RESULTS} are kept: past that the map starts again, which bounds
 * memory to results the blob cache holds anyway and costs one snapshot's worth of recomputing.
 *
 * @param <V> the derived value
 */
final class PerFileResult<V> {

    static final int MAX_RESULTS = 20_000;

    private final Map<FileAnalysis, V> values = new IdentityHashMap<>();
    private final Function<FileAnalysis, V> derive;

    /**
     * @param derive computes the value of one file result
     */
    PerFileResult(Function<FileAnalysis, V> derive) {
        this.derive = derive;
    }

    /**
     * @param result a file result
     * @return its derived value
     */
    synchronized V of(FileAnalysis result) {
        V value = values.get(result);
        if (value == null) {
            if (values.size() >= MAX_RESULTS) {
                values.clear();
            }
            value = derive.apply(result);
            values.put(result, value);
        }
        return value;
    }
}
