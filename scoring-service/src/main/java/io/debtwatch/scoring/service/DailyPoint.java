package io.debtwatch.scoring.service;

import java.util.Map;

/**
 * A repository's score on one day: the last default-branch commit of that day (deepest on the
 * first-parent chain). {@code nextDay} is the day of the repository's next point, null for its
 * latest, so "the value on day D" is one lookup: day &lt;= D &lt; nextDay.
 */
public record DailyPoint(String repoId, String org, String team, String day, String week, String month, long depth,
        double index, String grade, long linesOfCode, Map<String, Double> categoryScores, String sha,
        String nextDay) {
}
