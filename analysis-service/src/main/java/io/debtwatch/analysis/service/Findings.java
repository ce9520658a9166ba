package io.debtwatch.analysis.service;

import io.debtwatch.analyzer.FileAnalysis;
import io.debtwatch.analyzer.Finding;
import io.debtwatch.events.FindingSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Finding arithmetic of one analysis: production findings, new/fixed by fingerprint, severity order. */
final class Findings {

    private static final Map<String, Integer> SEVERITY_RANK = Map.of("critical", 0, "major", 1, "minor", 2, "info", 3);

    /** Most severe first, then by place, so the bounded lists are stable. */
    static final Comparator<Finding> SEVERITY_ORDER = Comparator
            .comparingInt(Findings::severityRank)
            .thenComparing(Finding::path).thenComparingInt(Finding::startLine).thenComparing(Finding::indicatorId);

    private Findings() {
    }

    /**
     * @param finding a finding
     * @return its severity's place in {@link #SEVERITY_ORDER}, 0 the most severe
     */
    static int severityRank(Finding finding) {
        return SEVERITY_RANK.getOrDefault(finding.severity(), 9);
    }

    /**
     * @param files     file results
     * @param extra     repository-level findings
     * @return the production-code findings among them
     */
    static List<Finding> production(Collection<FileAnalysis> files, Collection<Finding> extra) {
        List<Finding> result = new ArrayList<>();
        files.forEach(f -> f.findings().stream().filter(x -> !x.testCode()).forEach(result::add));
        extra.stream().filter(x -> !x.testCode()).forEach(result::add);
        return result;
    }

    /**
     * Multiset difference by fingerprint: a finding that moved keeps its fingerprint and is in neither
     * result, and a second copy of the same finding still counts as new.
     *
     * @param from   findings after
     * @param except findings before
     * @return the findings of {@code from} not matched by one of {@code except}
     */
    static List<Finding> minus(List<Finding> from, List<Finding> except) {
        Map<String, Integer> available = new HashMap<>();
        except.forEach(f -> available.merge(f.fingerprint(), 1, Integer::sum));
        List<Finding> result = new ArrayList<>();
        for (Finding f : from) {
            int left = available.getOrDefault(f.fingerprint(), 0);
            if (left > 0) {
                available.put(f.fingerprint(), left - 1);
            } else {
                result.add(f);
            }
        }
        return result;
    }

    /**
     * @param findings findings
     * @param limit    the most to keep
     * @param debtSince when each self-admitted-debt finding was written, by fingerprint
     * @return their summaries, at most {@code limit}
     */
    static List<FindingSummary> summaries(List<Finding> findings, int limit, Map<String, Instant> debtSince) {
        return findings.stream().limit(limit).map(f -> new FindingSummary(f.fingerprint(), f.indicatorId(),
                f.category(), f.severity(), f.path(), f.startLine(), f.message(), f.remediationMinutes(),
                debtSince.get(f.fingerprint()))).toList();
    }
}
