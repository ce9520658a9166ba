package io.debtwatch.scoring.service;

import io.debtwatch.scoring.repository.CurrentScoreRepository;
import io.debtwatch.scoring.repository.DailyPointRepository;
import io.debtwatch.scoring.repository.ScoreRepository;
import io.debtwatch.service.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;

/** Reads one repository's scores, always within its organisation: another org's repository is a 404. */
@ApplicationScoped
public class ScoreQueryService {

    private final CurrentScoreRepository current;
    private final ScoreRepository scores;
    private final DailyPointRepository points;

    ScoreQueryService(CurrentScoreRepository current, ScoreRepository scores, DailyPointRepository points) {
        this.current = current;
        this.scores = scores;
        this.points = points;
    }

    /**
     * @param org    the organisation
     * @param repoId the repository
     * @param asOf   the day to look at, null for now
     * @return the current score, or the one in effect at the end of that day
     */
    public CommitScore score(String org, String repoId, LocalDate asOf) {
        if (asOf != null) {
            String sha = points.effectiveOn(org, repoId, asOf.toString())
                    .orElseThrow(() -> ProblemException.notFound("score of repository", repoId + " on " + asOf))
                    .sha();
            return commit(org, repoId, sha);
        }
        CurrentScore now = current.find(org, repoId)
                .orElseThrow(() -> ProblemException.notFound("score of repository", repoId));
        return scores.byId(now.scoreId())
                .orElseThrow(() -> ProblemException.notFound("score of repository", repoId));
    }

    /**
     * @param org    the organisation
     * @param repoId the repository
     * @param sha    the commit
     * @return that commit's score
     */
    public CommitScore commit(String org, String repoId, String sha) {
        return scores.byCommit(org, repoId, sha)
                .orElseThrow(() -> ProblemException.notFound("scored commit", repoId + "/" + sha));
    }
}
