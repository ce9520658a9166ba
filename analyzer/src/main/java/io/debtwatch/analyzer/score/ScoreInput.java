package io.debtwatch.analyzer.score;

import java.util.Map;

/**
 * What the score of a snapshot is computed from.
 *
 * @param linesOfCode      lines of code of the snapshot, production and test
 * @param testLinesOfCode  lines of test code
 * @param indicators       per indicator id, production-code findings only
 * @param repositoryChecks repository-level checks by name
 */
public record ScoreInput(long linesOfCode, long testLinesOfCode, Map<String, IndicatorCount> indicators,
        Map<String, Boolean> repositoryChecks) {

    public ScoreInput {
        indicators = indicators == null ? Map.of() : Map.copyOf(indicators);
        repositoryChecks = repositoryChecks == null ? Map.of() : Map.copyOf(repositoryChecks);
    }
}
