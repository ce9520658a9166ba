package io.debtwatch.scoring.service;

import io.debtwatch.events.FindingSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The score of one commit as the service records it, once per (repoId, sha, analyzerVersion).
 *
 * @param id the analysis eventId, {@code repoId:sha:analyzerVersion}
 */
public record CommitScore(
        String id,
        String repoId,
        String org,
        String team,
        String branch,
        String sha,
        List<String> parents,
        Instant committedAt,
        long depth,
        String analyzerVersion,
        double index,
        String grade,
        Map<String, Double> categoryScores,
        long debtMinutes,
        long linesOfCode,
        long testLinesOfCode,
        String explanation,
        List<ScoreContribution> contributions,
        List<FindingSummary> topFindings,
        List<FindingSummary> newFindings,
        int newFindingsCount,
        List<FindingSummary> fixedFindings,
        int fixedFindingsCount,
        Map<String, Boolean> repositoryChecks,
        Instant recordedAt) {

    /** One indicator's share of the index. */
    public record ScoreContribution(String indicatorId, String category, double points) {
    }
}
