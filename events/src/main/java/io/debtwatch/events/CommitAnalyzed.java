package io.debtwatch.events;

import java.time.Instant;
import java.util.List;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The analysis of one commit's snapshot. Published to {@link Topics#ANALYSES}, keyed by repoId.
 *
 * @param eventId             {@code repoId:sha:analyzerVersion}
 * @param repoId              the repository id
 * @param org                 the organisation
 * @param team                the team, may be null
 * @param branch              the branch the commit was found on
 * @param sha                 the full commit id
 * @param parents             parent commit ids, first parent first
 * @param committedAt         the committer time
 * @param depth               position on the first-parent chain, as in {@link CommitDiscovered#depth()}
 * @param backfill            true when the commit came from a history backfill
 * @param analyzerVersion     the analyzer version that produced this analysis
 * @param analyzedAt          when the analysis finished
 * @param linesOfCode         lines of code per language in the snapshot (production and test code)
 * @param testLinesOfCode     lines of test code in the snapshot
 * @param indicators          totals per indicator id, production code only
 * @param categories          totals per category, production code only
 * @param repositoryChecks    repository-level checks by name (readme, ci, tests, logging, ...)
 * @param newFindings         findings new in this commit against its first parent, bounded
 * @param newFindingsCount    how many findings are new in all
 * @param fixedFindings       findings gone in this commit against its first parent, bounded
 * @param fixedFindingsCount  how many findings were fixed in all
 * @param topFindings         the most severe findings of the snapshot, bounded
 * @param filesAnalyzed       files analysed in the snapshot
 * @param filesSkipped        files skipped (binary, too large, generated or vendored)
 */
public record CommitAnalyzed(
        String eventId,
        String repoId,
        String org,
        String team,
        String branch,
        String sha,
        List<String> parents,
        Instant committedAt,
        long depth,
        boolean backfill,
        String analyzerVersion,
        Instant analyzedAt,
        Map<String, Integer> linesOfCode,
        int testLinesOfCode,
        Map<String, IndicatorTotal> indicators,
        Map<String, CategoryTotal> categories,
        Map<String, Boolean> repositoryChecks,
        List<FindingSummary> newFindings,
        int newFindingsCount,
        List<FindingSummary> fixedFindings,
        int fixedFindingsCount,
        List<FindingSummary> topFindings,
        int filesAnalyzed,
        int filesSkipped) {

    public CommitAnalyzed {
        parents = parents == null ? List.of() : List.copyOf(parents);
        linesOfCode = sorted(linesOfCode);
        indicators = sorted(indicators);
        categories = sorted(categories);
        repositoryChecks = sorted(repositoryChecks);
        newFindings = newFindings == null ? List.of() : List.copyOf(newFindings);
        fixedFindings = fixedFindings == null ? List.of() : List.copyOf(fixedFindings);
        topFindings = topFindings == null ? List.of() : List.copyOf(topFindings);
    }

    /**
     * @return the lines of code of the snapshot over all languages
     */
    public int totalLinesOfCode() {
        return linesOfCode.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Maps are kept in key order, so the same analysis always has the same JSON text. */
    private static <V> Map<String, V> sorted(Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(map));
    }
}
