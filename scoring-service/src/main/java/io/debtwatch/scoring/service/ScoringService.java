package io.debtwatch.scoring.service;

import io.debtwatch.analyzer.score.Score;
import io.debtwatch.events.CommitAnalyzed;
import io.debtwatch.events.EventIds;
import io.debtwatch.events.EventFormatException;
import io.debtwatch.events.PromotionEvidence;
import io.debtwatch.scoring.config.ScoringConfig;
import io.debtwatch.scoring.repository.CurrentScoreRepository;
import io.debtwatch.scoring.repository.DailyPointRepository;
import io.debtwatch.scoring.repository.OutboxRepository;
import io.debtwatch.scoring.repository.RepositoryCatalog;
import io.debtwatch.scoring.repository.RepositoryCatalog.KnownRepository;
import io.debtwatch.scoring.repository.RollupRepository;
import io.debtwatch.scoring.repository.ScoreRepository;
import io.debtwatch.scoring.repository.TimelineRepository;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Turns analyses into recorded scores: score each, store it once, move the current score and the
 * daily points forward, and record the score events to send. The analyses of one batch are handled
 * one after the other as before, each seeing what the earlier ones changed, and stored together (see
 * {@link ScoringBatch}). Every step is idempotent, so a redelivered or half-stored batch can be
 * handled again safely.
 */
@ApplicationScoped
public class ScoringService {

    private static final Logger LOG = Logger.getLogger(ScoringService.class);

    private final ScoringBatch.Stores stores;
    private final RollupService rollups;
    private final PromotionDetector promotion;
    private final ScoringConfig config;
    private final MeterRegistry metrics;

    ScoringService(ScoreRepository scores, CurrentScoreRepository current, RepositoryCatalog catalog,
            OutboxRepository outbox, DailyPointRepository points, RollupRepository rollupChanges,
            TimelineRepository timelines, RollupService rollups, PromotionDetector promotion, ScoringConfig config,
            MeterRegistry metrics) {
        this.stores = new ScoringBatch.Stores(scores, catalog, current, points, rollupChanges, timelines, outbox);
        this.rollups = rollups;
        this.promotion = promotion;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * @param analyses analyses in the order they arrived; one repository's in its partition's order
     * @return how many were scored now; the others had been before or their repository is deleted
     * @throws EventFormatException when an analysis lacks what a score needs
     * @throws RuntimeException     when the batch could not be stored; nothing of it counts as done,
     *                              and handling it again (whole or one by one) is safe
     */
    public int recordAll(List<CommitAnalyzed> analyses) {
        analyses.forEach(ScoringService::validate);
        ScoringBatch batch = ScoringBatch.load(stores, analyses);
        List<String> outcomes = new ArrayList<>();
        for (CommitAnalyzed analysis : analyses) {
            outcomes.add(record(analysis, batch));
        }
        batch.flush();
        outcomes.forEach(o -> metrics.counter("debtwatch.scoring.analyses", "outcome", o).increment());
        return (int) outcomes.stream().filter("scored"::equals).count();
    }

    /**
     * @param a an analysis read from the topic
     * @throws EventFormatException when it lacks what a score needs
     */
    public static void validate(CommitAnalyzed a) {
        require(a.repoId(), "repoId");
        require(a.org(), "org");
        require(a.sha(), "sha");
        require(a.analyzerVersion(), "analyzerVersion");
        if (a.committedAt() == null) {
            throw new EventFormatException("CommitAnalyzed " + a.eventId() + " has no committedAt", null);
        }
    }

    private String record(CommitAnalyzed analysis, ScoringBatch batch) {
        if (batch.complete(analysis.eventId())) {
            return "duplicate";
        }
        Optional<KnownRepository> repository = batch.repository(analysis.repoId());
        if (repository.map(r -> r.deletedDay() != null).orElse(false)) {
            LOG.infof("analysis %s ignored: repository %s is deleted", analysis.eventId(), analysis.repoId());
            return "deleted";
        }
        Optional<CommitScore> parent = analysis.parents().isEmpty() ? Optional.empty()
                : batch.score(EventIds.analysis(analysis.repoId(), analysis.parents().get(0),
                        analysis.analyzerVersion()));
        String team = analysis.team() != null ? analysis.team() : repository.map(KnownRepository::team).orElse(null);
        CommitScore score = batch.record(build(analysis, team, parent));
        boolean defaultBranch = repository.map(KnownRepository::defaultBranch)
                .map(b -> b.equals(analysis.branch())).orElse(true);
        if (defaultBranch) {
            rollups.apply(score, batch);
            Optional<CurrentScore> before = batch.current(score.org(), score.repoId());
            if (batch.advance(score)) {
                List<PromotionEvidence> evidence = promotion.evidence(analysis, score.index(), parent,
                        (repoId, from, to) -> stores.scores().commitsBetween(repoId, from, to)
                                + batch.newScoresBetween(repoId, from, to));
                ScoreEventFactory.events(score, before, config.thresholdFor(score.org()), evidence)
                        .forEach(batch::event);
            }
        }
        batch.markComplete(score);
        return "scored";
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

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new EventFormatException("CommitAnalyzed has no " + field, null);
        }
    }
}
