package io.debtwatch.analyzer.score;

import java.util.List;
import java.util.Map;

/**
 * The score of a snapshot.
 *
 * @param index          0 (production-grade) to 100 (raw prototype), one decimal
 * @param grade          A to E
 * @param categoryScores 0 to 100 per category
 * @param debtMinutes    summed remediation minutes
 * @param contributions  the indicators behind the index, largest first, summing to it
 */
public record Score(double index, String grade, Map<String, Double> categoryScores, long debtMinutes,
        List<Contribution> contributions) {

    public Score {
        categoryScores = Map.copyOf(categoryScores);
        contributions = List.copyOf(contributions);
    }
}
