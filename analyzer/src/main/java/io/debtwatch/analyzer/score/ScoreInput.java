package io.debtwatch.analyzer.score;

import java.util.Map;

/** What a score is computed from; indicators: per indicator id, production-code findings only. */
public record ScoreInput(long linesOfCode, long testLinesOfCode, Map<String, IndicatorCount> indicators,
        Map<String, Boolean> repositoryChecks) {
}
