package io.debtwatch.analyzer.score;

import java.util.List;
import java.util.Map;

/** index 0 (production-grade) .. 100 (raw prototype), rounded to one decimal; grade "A".."E";
 *  categoryScores 0..100 per category; contributions sorted by points, largest first, summing to index. */
public record Score(double index, String grade, Map<String, Double> categoryScores, long debtMinutes,
        List<Contribution> contributions) {
}
