package io.debtwatch.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;

/** Configuration of the ingest service. */
@ConfigMapping(prefix = "debtwatch.ingest")
public interface IngestConfig {

    /** Where the bare Git mirrors are kept. */
    Path dataDir();

    /** Whether local paths and file:// URLs may be registered (local runs and tests only). */
    @WithDefault("false")
    boolean allowLocalRepositories();

    /** How many commits of history a new repository backfills when its request names no policy. */
    @WithDefault("50")
    int defaultBackfillCount();

    /** How often a repository is polled when its request names no interval. */
    @WithDefault("PT5M")
    Duration defaultPollInterval();

    /** The most files of one commit listed in its CommitDiscovered; beyond, the overflow flag is set. */
    @WithDefault("500")
    int maxChangedFiles();

    /** How long one fetch may take before it is abandoned. */
    @WithDefault("PT2M")
    Duration fetchTimeout();

    /** The most outbox records sent in one round. */
    @WithDefault("500")
    int outboxBatchSize();

    /** How often due repositories are looked for (a scheduler period such as {@code 1s}). */
    @WithDefault("1s")
    String pollTick();

    /** How often the outbox is sent (a scheduler period such as {@code 1s}). */
    @WithDefault("1s")
    String outboxInterval();
}
