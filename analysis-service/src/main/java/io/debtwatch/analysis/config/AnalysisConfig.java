package io.debtwatch.analysis.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Configuration of the analysis service. */
@ConfigMapping(prefix = "debtwatch.analysis")
public interface AnalysisConfig {

    /** Where this worker keeps its own Git object cache (a bare repository per repository id). */
    Path dataDir();

    /**
     * Where ingest keeps its mirrors ({@code <repoId>.git}) when it runs on the same disk, as under
     * {@code debtwatch up}: a repository found there is read in place instead of fetched into this
     * worker's own cache. Unset in production, where workers share no disk with ingest.
     */
    Optional<Path> ingestMirrors();

    /** How many per-file results the in-memory cache holds in front of MongoDB. */
    @WithDefault("50000")
    long blobCacheSize();

    /** How many commit snapshots the in-memory cache holds in front of MongoDB. */
    @WithDefault("256")
    long snapshotCacheSize();

    /**
     * How many threads analyse the files of one commit (or of a full walk) at once; one per core when
     * unset.
     */
    Optional<Integer> fileAnalysisThreads();

    /** Files larger than this are skipped, not analysed. */
    @WithDefault("1048576")
    long maxFileBytes();

    /** The most findings listed as new, fixed or top in one CommitAnalyzed. */
    @WithDefault("50")
    int maxListedFindings();

    /** How long one fetch of missing objects may take. */
    @WithDefault("PT2M")
    Duration fetchTimeout();

    /** The largest page of the findings drill-down. */
    @WithDefault("200")
    int maxPageSize();
}
