package io.debtwatch.scoring.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Typed configuration of the scoring service. */
@ConfigMapping(prefix = "debtwatch.scoring")
public interface ScoringConfig {

    /** Index threshold for ThresholdCrossed when an org has none of its own. */
    @WithDefault("50")
    double defaultThreshold();

    /** Per-org index thresholds for ThresholdCrossed, keyed by org slug. */
    Map<String, Double> thresholds();

    /** How often unsent score events in the outbox are retried. */
    @WithDefault("5s")
    Duration outboxRetryInterval();

    /** The longest date range a history or trend query may span, in days. */
    @WithDefault("731")
    int maxRangeDays();

    /** Repository checks whose appearance signals that a prototype is heading to production. */
    @WithDefault("dockerfile,deployment-manifests,ci-deploy,kubernetes,helm,terraform")
    List<String> productionSignals();

    /** Commits in the last 30 days that, at this multiple of the 30 days before, count as a marked growth. */
    @WithDefault("2.0")
    double commitRateGrowth();

    /** Fewest commits in the last 30 days for the commit rate growth signal to count. */
    @WithDefault("10")
    int commitRateMinimum();

    /** The index at or above which a repository still scores as a prototype. */
    @WithDefault("50")
    double prototypeIndex();

    /**
     * @param org the organisation
     * @return its ThresholdCrossed threshold
     */
    default double thresholdFor(String org) {
        return thresholds().getOrDefault(org, defaultThreshold());
    }
}
