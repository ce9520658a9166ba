package io.debtwatch.scoring.service;

import io.debtwatch.analyzer.score.IndicatorCount;
import io.debtwatch.analyzer.score.Score;
import io.debtwatch.analyzer.score.ScoreInput;
import io.debtwatch.analyzer.score.ScoreModel;
import io.debtwatch.events.CommitAnalyzed;
import io.debtwatch.events.EventIds;
import io.debtwatch.events.EventJson;
import io.debtwatch.events.EventTypes;
import io.debtwatch.events.ScoreChanged;
import io.debtwatch.events.Topics;
import io.debtwatch.scoring.messaging.ScoreEventPublisher;
import io.debtwatch.scoring.repository.CommitScore;
import io.debtwatch.scoring.repository.ScoreRepository;
import io.debtwatch.service.outbox.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Scores analysed commits with the analyzer's score model, keeps each repository's current score
 * (the newest commit in commit-graph order), and records a ScoreChanged for every new current
 * score. Idempotent: a redelivered analysis changes nothing.
 */
@ApplicationScoped
public class ScoringService {

    private final ScoreRepository scores;
    private final ScoreEventPublisher events;

    ScoringService(ScoreRepository scores, ScoreEventPublisher events) {
        this.scores = scores;
        this.events = events;
    }

    /**
     * @param analysis an analysed commit
     * @return the stored score; empty when the analysis was scored before
     */
    public Optional<CommitScore> record(CommitAnalyzed analysis) {
        Optional<CommitScore> parent = analysis.parents().isEmpty() ? Optional.empty()
                : scores.find(EventIds.analysis(analysis.repoId(), analysis.parents().get(0),
                        analysis.analyzerVersion()));
        Score score = ScoreModel.score(new ScoreInput(analysis.totalLinesOfCode(), analysis.testLinesOfCode(),
                analysis.indicators().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                        e -> new IndicatorCount(e.getValue().category(), e.getValue().count(),
                                e.getValue().remediationMinutes()))),
                analysis.repositoryChecks()));
        Double parentIndex = parent.map(CommitScore::index).orElse(null);
        CommitScore stored = new CommitScore(analysis.eventId(), analysis.org(), analysis.repoId(), analysis.team(),
                analysis.sha(), analysis.parents().isEmpty() ? null : analysis.parents().get(0), analysis.depth(),
                analysis.committedAt(), analysis.analyzerVersion(), score.index(), score.grade(),
                score.categoryScores(), score.debtMinutes(), analysis.totalLinesOfCode(), score.contributions(),
                ScoreExplainer.explain(parentIndex, score.index(), analysis), analysis.topFindings(), Instant.now());
        if (!scores.insertOnce(stored)) {
            return Optional.empty();
        }
        scores.promoteIfNewer(stored).ifPresent(previous -> announce(stored, previous.orElse(null)));
        return Optional.of(stored);
    }

    private void announce(CommitScore score, CommitScore previous) {
        ScoreChanged event = new ScoreChanged(EventIds.scoreEvent(score.repoId(), score.sha(),
                score.analyzerVersion(), ScoreChanged.KIND), score.repoId(), score.org(), score.team(), score.sha(),
                score.analyzerVersion(), score.committedAt(), score.index(),
                previous == null ? null : previous.index(), score.grade(), previous == null ? null : previous.grade(),
                score.categoryScores(), score.explanation(), score.scoredAt());
        events.enqueue(new OutboxMessage(event.eventId(), Topics.SCORE_EVENTS, score.repoId(), EventTypes.SCORE_CHANGED,
                EventJson.write(event), score.repoId(), false));
    }
}
