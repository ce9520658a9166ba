package io.debtwatch.analyzer.score;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The prototype index: debt density (remediation minutes per thousand lines of code) mapped onto
 * 0..100 by a saturating curve, so it is size-normalised, bounded and monotone in the findings.
 * Each indicator's points are its share of the debt, so every point is explained.
 * See docs/scoring.md.
 */
public final class ScoreModel {

    /** Debt density (minutes per KLOC) at which the index reaches 50. */
    static final double HALF_DENSITY = 120.0;
    /** Below this size, density is computed as if the code had this many lines, so tiny repos are not extreme. */
    static final double MIN_KLOC = 0.2;

    private static final double[] GRADE_LIMITS = {20, 35, 50, 70};
    private static final String[] GRADES = {"A", "B", "C", "D", "E"};

    private ScoreModel() {
    }

    /**
     * @param input the snapshot's totals
     * @return its score
     */
    public static Score score(ScoreInput input) {
        double kloc = Math.max(MIN_KLOC, input.linesOfCode() / 1000.0);
        long minutes = input.indicators().values().stream().mapToLong(IndicatorCount::remediationMinutes).sum();
        double index = curve(minutes / kloc);
        List<Contribution> contributions = new ArrayList<>();
        Map<String, Long> minutesByCategory = new LinkedHashMap<>();
        input.indicators().forEach((id, count) -> {
            if (count.remediationMinutes() > 0 && minutes > 0) {
                contributions.add(new Contribution(id, count.category(),
                        round(index * count.remediationMinutes() / minutes)));
            }
            minutesByCategory.merge(count.category(), count.remediationMinutes(), Long::sum);
        });
        contributions.sort(Comparator.comparingDouble(Contribution::points).reversed()
                .thenComparing(Contribution::indicatorId));
        Map<String, Double> categories = new LinkedHashMap<>();
        minutesByCategory.forEach((category, m) -> categories.put(category, round(curve(m / kloc))));
        double rounded = round(index);
        return new Score(rounded, grade(rounded), categories, minutes, contributions);
    }

    /**
     * @param index a prototype index
     * @return its grade
     */
    public static String grade(double index) {
        for (int i = 0; i < GRADE_LIMITS.length; i++) {
            if (index < GRADE_LIMITS[i]) {
                return GRADES[i];
            }
        }
        return GRADES[GRADES.length - 1];
    }

    private static double curve(double density) {
        return 100.0 * density / (density + HALF_DENSITY);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
