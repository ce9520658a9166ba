package io.debtwatch.scoring.service;

import io.debtwatch.analyzer.score.IndicatorCount;
import io.debtwatch.analyzer.score.Score;
import io.debtwatch.analyzer.score.ScoreInput;
import io.debtwatch.analyzer.score.ScoreModel;
import io.debtwatch.events.CommitAnalyzed;
import io.debtwatch.events.IndicatorTotal;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns an analysis into the analyzer's score: the one place the scoring service calls the score model. */
public final class ScoreCalculator {

    private ScoreCalculator() {
    }

    /**
     * @param analysis the commit's analysis
     * @return its score
     */
    public static Score score(CommitAnalyzed analysis) {
        Map<String, IndicatorCount> indicators = new LinkedHashMap<>();
        for (Map.Entry<String, IndicatorTotal> e : analysis.indicators().entrySet()) {
            IndicatorTotal total = e.getValue();
            indicators.put(e.getKey(), new IndicatorCount(total.category(), total.count(), total.remediationMinutes()));
        }
        return ScoreModel.score(new ScoreInput(analysis.totalLinesOfCode(), analysis.testLinesOfCode(), indicators,
                analysis.repositoryChecks()));
    }
}
