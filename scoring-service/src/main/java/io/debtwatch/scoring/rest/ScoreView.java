package io.debtwatch.scoring.rest;

import io.debtwatch.events.FindingSummary;
import io.debtwatch.scoring.service.CommitScore;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A commit's score as the API shows it. */
public record ScoreView(String repoId, String org, String team, String sha, Instant committedAt,
        String analyzerVersion, double index, String grade, Map<String, Double> categoryScores, long debtMinutes,
        long linesOfCode, String explanation, List<CommitScore.ScoreContribution> contributions,
        List<FindingSummary> topFindings) {

    static ScoreView of(CommitScore s) {
        return new ScoreView(s.repoId(), s.org(), s.team(), s.sha(), s.committedAt(), s.analyzerVersion(), s.index(),
                s.grade(), s.categoryScores(), s.debtMinutes(), s.linesOfCode(), s.explanation(), s.contributions(),
                s.topFindings());
    }
}
