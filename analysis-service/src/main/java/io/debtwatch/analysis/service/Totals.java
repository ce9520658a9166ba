package io.debtwatch.analysis.service;

import io.debtwatch.analyzer.FileAnalysis;
import io.debtwatch.analyzer.Finding;
import io.debtwatch.events.CategoryTotal;
import io.debtwatch.events.IndicatorTotal;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * The file totals of one snapshot. A child commit's totals are its parent's minus the files it
 * changed or removed plus their new versions, so a commit costs work only for what it touched.
 *
 * @param linesOfCode     lines of code per language, production and test code
 * @param testLinesOfCode lines of test code
 * @param indicators      per indicator id, production-code findings only
 * @param filesAnalyzed   files analysed
 * @param filesSkipped    files skipped (binary, too large, generated, vendored, excluded)
 */
public record Totals(Map<String, Integer> linesOfCode, int testLinesOfCode, Map<String, IndicatorTotal> indicators,
        int filesAnalyzed, int filesSkipped) {

    public Totals {
        linesOfCode = new TreeMap<>(linesOfCode);
        indicators = new TreeMap<>(indicators);
    }

    /**
     * @param files every file of a snapshot
     * @return their totals
     */
    public static Totals of(Collection<FileAnalysis> files) {
        return new Totals(Map.of(), 0, Map.of(), 0, 0).apply(java.util.List.of(), files);
    }

    /**
     * @param removed files gone (or replaced) since these totals
     * @param added   files new (or replacing)
     * @return the totals after the change
     */
    public Totals apply(Collection<FileAnalysis> removed, Collection<FileAnalysis> added) {
        Accumulator acc = new Accumulator(this);
        removed.forEach(f -> acc.add(f, -1));
        added.forEach(f -> acc.add(f, 1));
        return acc.toTotals();
    }

    /**
     * @param repositoryFindings repository-level findings of the snapshot
     * @return indicator totals including the repository-level findings
     */
    public Map<String, IndicatorTotal> indicatorsWith(Collection<Finding> repositoryFindings) {
        Map<String, IndicatorTotal> result = new TreeMap<>(indicators);
        repositoryFindings.stream().filter(f -> !f.testCode()).forEach(f -> result.merge(f.indicatorId(),
                new IndicatorTotal(f.category(), 1, f.remediationMinutes()), Totals::sum));
        return result;
    }

    /**
     * @param indicators totals per indicator
     * @return totals per category
     */
    public static Map<String, CategoryTotal> categories(Map<String, IndicatorTotal> indicators) {
        Map<String, CategoryTotal> result = new TreeMap<>();
        indicators.values().forEach(t -> result.merge(t.category(), new CategoryTotal(t.count(), t.remediationMinutes()),
                (a, b) -> new CategoryTotal(a.count() + b.count(), a.remediationMinutes() + b.remediationMinutes())));
        return result;
    }

    private static IndicatorTotal sum(IndicatorTotal a, IndicatorTotal b) {
        return new IndicatorTotal(a.category(), a.count() + b.count(), a.remediationMinutes() + b.remediationMinutes());
    }

    /** Mutable while one delta is applied; entries that drop to zero disappear. */
    private static final class Accumulator {
        private final Map<String, Integer> loc;
        private final Map<String, IndicatorTotal> indicators;
        private int testLoc;
        private int analyzed;
        private int skipped;

        Accumulator(Totals base) {
            loc = new TreeMap<>(base.linesOfCode());
            indicators = new TreeMap<>(base.indicators());
            testLoc = base.testLinesOfCode();
            analyzed = base.filesAnalyzed();
            skipped = base.filesSkipped();
        }

        void add(FileAnalysis file, int sign) {
            if (file.skippedReason() != null) {
                skipped += sign;
                return;
            }
            analyzed += sign;
            loc.merge(file.language(), sign * file.codeLines(), Integer::sum);
            if (file.testCode()) {
                testLoc += sign * file.codeLines();
            }
            for (Finding f : file.findings()) {
                if (!f.testCode()) {
                    indicators.merge(f.indicatorId(),
                            new IndicatorTotal(f.category(), sign, (long) sign * f.remediationMinutes()), Totals::sum);
                }
            }
        }

        Totals toTotals() {
            loc.values().removeIf(v -> v == 0);
            indicators.values().removeIf(t -> t.count() == 0);
            return new Totals(loc, testLoc, indicators, analyzed, skipped);
        }
    }
}
