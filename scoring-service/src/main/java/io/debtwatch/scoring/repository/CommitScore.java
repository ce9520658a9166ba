package io.debtwatch.scoring.repository;

import io.debtwatch.analyzer.score.Contribution;
import io.debtwatch.events.FindingSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The score of one analysed commit, stored once per (repoId, sha, analyzerVersion).
 *
 * @param id              {@code repoId:sha:analyzerVersion}, the analysis eventId
 * @param org             the organisation
 * @param repoId          the repository
 * @param team            the team, may be null
 * @param sha             the commit
 * @param parentSha       its first parent, may be null
 * @param depth           position on the first-parent chain
 * @param committedAt     committer time
 * @param analyzerVersion the analyzer version
 * @param index           prototype index 0..100
 * @param grade           A..E
 * @param categoryScores  sub-score per category
 * @param debtMinutes     summed remediation minutes
 * @param linesOfCode     lines of code
 * @param contributions   the indicators behind the index
 * @param explanation     why it moved against the parent
 * @param topFindings     the most severe findings
 * @param scoredAt        when it was scored
 */
public record CommitScore(String id, String org, String repoId, String team, String sha, String parentSha, long depth,
        Instant committedAt, String analyzerVersion, double index, String grade, Map<String, Double> categoryScores,
        long debtMinutes, long linesOfCode, List<Contribution> contributions, String explanation,
        List<FindingSummary> topFindings, Instant scoredAt) {
}
