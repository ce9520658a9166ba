package io.debtwatch.scoring.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Configuration of the scoring service. */
@ConfigMapping(prefix = "debtwatch.scoring")
public interface ScoringConfig {

    /** The most outbox records sent in one round. */
    @WithDefault("500")
    int outboxBatchSize();

    /** How often the outbox is sent (a scheduler period such as {@code 1s}). */
    @WithDefault("1s")
    String outboxInterval();
}
