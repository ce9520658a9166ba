package io.debtwatch.scoring.service;

import java.util.Map;

/**
 * Where a repository stands now: the score of the deepest default-branch commit seen so far.
 *
 * @param scoreId the id of the {@link CommitScore} behind it
 * @param deleted whether the repository was deleted (its score is kept, it leaves roll-ups)
 */
public record CurrentScore(String repoId, String org, String team, String scoreId, long depth, double index,
        String grade, long linesOfCode, Map<String, Double> categoryScores, boolean deleted) {
}
