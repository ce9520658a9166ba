package io.debtwatch.scoring.service;

import io.debtwatch.analyzer.score.Score;
import io.debtwatch.events.CommitAnalyzed;
import io.debtwatch.events.EventFormatException;
import io.debtwatch.events.PromotionEvidence;
import io.debtwatch.scoring.config.ScoringConfig;
import io.debtwatch.scoring.repository.CurrentScoreRepository;
import io.debtwatch.scoring.repository.OutboxRepository;
import io.debtwatch.scoring.repository.RepositoryCatalog;
import io.debtwatch.scoring.repository.RepositoryCatalog.KnownRepository;
import io.debtwatch.scoring.repository.ScoreRepository;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Turns one analysis into a recorded score: score it, store it once, move the current score and
 * the daily points forward, and record the score events to send. Every step is idempotent, so a
 * redelivered or half-processed message can be handled again safely.
 */
@ApplicationScoped
public class ScoringService {

    private static final Logger LOG = Logger.getLogger(ScoringService.class);

    private final ScoreRepository scores;
    private final CurrentScoreRepository current;
    private final RepositoryCatalog catalog;
    private final OutboxRepository outbox;
    private final RollupService rollups;
    private final PromotionDetector promotion;
    private final ScoringConfig config;
    private final MeterRegistry metrics;

    ScoringService(ScoreRepository scores, CurrentScoreRepository current, RepositoryCatalog catalog,
            OutboxRepository outbox, RollupService rollups, PromotionDetector promotion, ScoringConfig config,
            MeterRegistry metrics) {
        this.scores = scores;
        this.current = current;
        this.catalog = catalog;
        this.outbox = outbox;
        this.rollups = rollups;
        this.promotion = promotion;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * @param analysis the analysis of one commit
     * @return true when it was scored now, false when it had been before or its repository is deleted
     * @throws EventFormatException when the analysis lacks what a score needs
     */
    public boolean record(CommitAnalyzed analysis) {
        validate(analysis);
        if (scores.complete(analysis.eventId())) {
            metrics.counter("debtwatch.scoring.analyses", "outcome", "duplicate").increment();
            return false;
        }
        Optional<KnownRepository> repository = catalog.find(analysis.repoId());
        if (repository.map(r -> r.deletedDay() != null).orElse(false)) {
            LOG.infof("analysis %s ignored: repository %s is deleted", analysis.eventId(), analysis.repoId());
            metrics.counter("debtwatch.scoring.analyses", "outcome", "deleted").increment();
            return false;
        }
        Optional<CommitScore> parent = analysis.parents().isEmpty() ? Optional.empty()
                : scores.parent(analysis.repoId(), analysis.parents().get(0), analysis.analyzerVersion());
        String team = analysis.team() != null ? analysis.team() : repository.map(KnownRepository::team).orElse(null);
        CommitScore score = build(analysis, team, parent);
        if (!scores.insert(score)) {
            score = scores.byId(score.id()).orElse(score);
        }
        boolean defaultBranch = repository.map(KnownRepository::defaultBranch)
                .map(b -> b.equals(analysis.branch())).orElse(true);
        if (defaultBranch) {
            rollups.apply(score);
            Optional<CurrentScore> before = current.find(score.org(), score.repoId());
            if (current.advance(score)) {
                List<PromotionEvidence> evidence = promotion.evidence(analysis, score.index(), parent);
                ScoreEventFactory.events(score, before, config.thresholdFor(score.org()), evidence)
                        .forEach(outbox::record);
            }
        }
        scores.markComplete(score.id());
        metrics.counter("debtwatch.scoring.analyses", "outcome", "scored").increment();
        return true;
    }

    private static CommitScore build(CommitAnalyzed a, String team, Optional<CommitScore> parent) {
        Score s = ScoreCalculator.score(a);
        List<CommitScore.ScoreContribution> contributions = s.contributions().stream()
                .map(c -> new CommitScore.ScoreContribution(c.indicatorId(), c.category(), c.points())).toList();
        String explanation = ExplanationBuilder.explain(a, s.index(), s.categoryScores(), parent);
        return new CommitScore(a.eventId(), a.repoId(), a.org(), team, a.branch(), a.sha(), a.parents(),
                a.committedAt(), a.depth(), a.analyzerVersion(), s.index(), s.grade(), s.categoryScores(),
                s.debtMinutes(), a.totalLinesOfCode(), a.testLinesOfCode(), explanation, contributions,
                a.topFindings(), a.newFindings(), a.newFindingsCount(), a.fixedFindings(), a.fixedFindingsCount(),
                a.repositoryChecks(), Instant.now());
    }

    private static void validate(CommitAnalyzed a) {
        require(a.repoId(), "repoId");
        require(a.org(), "org");
        require(a.sha(), "sha");
        require(a.analyzerVersion(), "analyzerVersion");
        if (a.committedAt() == null) {
            throw new EventFormatException("CommitAnalyzed " + a.eventId() + " has no committedAt", null);
        }
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new EventFormatException("CommitAnalyzed has no " + field, null);
        }
    }
}
