package io.debtwatch.scoring.rest;

import io.debtwatch.analyzer.score.Contribution;
import io.debtwatch.events.FindingSummary;
import io.debtwatch.scoring.repository.CommitScore;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A commit's score as the API shows it.
 *
 * @param repoId          the repository
 * @param org             its organisation
 * @param team            its team
 * @param sha             the commit
 * @param committedAt     when it was committed
 * @param analyzerVersion the analyzer version behind the score
 * @param index           prototype index, 0 (production-grade) to 100 (raw prototype)
 * @param grade           A to E
 * @param categoryScores  sub-score per category
 * @param debtMinutes     estimated minutes to fix every finding
 * @param linesOfCode     lines of code
 * @param explanation     why it moved against the parent commit
 * @param contributions   the indicators behind the index
 * @param topFindings     the most severe findings
 */
public record ScoreView(String repoId, String org, String team, String sha, Instant committedAt,
        String analyzerVersion, double index, String grade, Map<String, Double> categoryScores, long debtMinutes,
        long linesOfCode, String explanation, List<Contribution> contributions, List<FindingSummary> topFindings) {

    static ScoreView of(CommitScore s) {
        return new ScoreView(s.repoId(), s.org(), s.team(), s.sha(), s.committedAt(), s.analyzerVersion(), s.index(),
                s.grade(), s.categoryScores(), s.debtMinutes(), s.linesOfCode(), s.explanation(), s.contributions(),
                s.topFindings());
    }
}
