package io.debtwatch.scoring.service;

import io.debtwatch.events.CommitAnalyzed;
import io.debtwatch.events.PromotionEvidence;
import io.debtwatch.scoring.config.ScoringConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Watches for the moment a repository that still scores as a prototype starts to look like
 * production (rule in docs/scoring.md, "Trends, events and prototype promotion").
 */
@ApplicationScoped
public class PromotionDetector {

    private static final Duration WINDOW = Duration.ofDays(30);

    private final ScoringConfig config;

    PromotionDetector(ScoringConfig config) {
        this.config = config;
    }

    /** Counts a repository's scored commits with a committer time in [from, to). */
    @FunctionalInterface
    interface CommitCounter {
        long between(String repoId, Instant from, Instant to);
    }

    /**
     * @param analysis the commit's analysis
     * @param index    the commit's index
     * @param parent   the first parent's score, if recorded
     * @param scores   the repository's scored commits so far, this one included
     * @return the signals that fired at this commit; empty when none did or the repository no longer scores as a prototype
     */
    List<PromotionEvidence> evidence(CommitAnalyzed analysis, double index, Optional<CommitScore> parent,
            CommitCounter scores) {
        List<PromotionEvidence> evidence = new ArrayList<>();
        if (index < config.prototypeIndex() || parent.isEmpty()) {
            return evidence;
        }
        for (String check : config.productionSignals()) {
            boolean now = analysis.repositoryChecks().getOrDefault(check, false);
            boolean before = parent.get().repositoryChecks().getOrDefault(check, false);
            if (now && !before) {
                evidence.add(new PromotionEvidence("repository-check", check, "false", "true"));
            }
        }
        long[] rate = rate(scores, analysis.repoId(), analysis.committedAt());
        long[] parentRate = rate(scores, analysis.repoId(), parent.get().committedAt());
        if (marked(rate) && !marked(parentRate)) {
            evidence.add(new PromotionEvidence("commit-rate", "commits-30d", Long.toString(rate[0]),
                    Long.toString(rate[1])));
        }
        return evidence;
    }

    /** Commits in the 30 days before the 30 days up to {@code at}, and in those 30 days. */
    private static long[] rate(CommitCounter scores, String repoId, Instant at) {
        Instant end = at.plusSeconds(1);
        Instant middle = end.minus(WINDOW);
        return new long[] {scores.between(repoId, middle.minus(WINDOW), middle), scores.between(repoId, middle, end)};
    }

    private boolean marked(long[] rate) {
        return rate[1] >= config.commitRateMinimum() && rate[1] >= config.commitRateGrowth() * Math.max(1, rate[0]);
    }
}
