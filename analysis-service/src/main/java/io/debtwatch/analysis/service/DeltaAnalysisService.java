package io.debtwatch.analysis.service;

import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import io.debtwatch.analysis.config.AnalysisConfig;
import io.debtwatch.analysis.repository.SnapshotRepository;
import io.debtwatch.analyzer.AnalysisSettings;
import io.debtwatch.analyzer.Analyzer;
import io.debtwatch.analyzer.Finding;
import io.debtwatch.events.ChangedFile;
import io.debtwatch.events.CommitAnalyzed;
import io.debtwatch.events.CommitDiscovered;
import io.debtwatch.events.IndicatorTotal;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * Computes one commit's analysis: the snapshot from the parent's plus the delta of the changed
 * files, repository and commit-message checks, totals, and the findings new and fixed against the
 * first parent. It writes nothing: the snapshot is kept in memory for the next commit and stored,
 * with the analysis, by {@link AnalysisStoreService}. Transient Git and MongoDB reads are retried.
 */
@ApplicationScoped
@Startup
public class DeltaAnalysisService {

    private final GitObjectCache objects;
    private final SnapshotBuilder builder;
    private final SnapshotRepository snapshots;
    private final BlobResults results;
    private final AnalysisConfig config;
    private final Timer timer;
    private final Analyzer messageAnalyzer = new Analyzer(AnalysisSettings.defaults());
    private final TopFindings topFindings = new TopFindings();

    DeltaAnalysisService(GitObjectCache objects, SnapshotBuilder builder, SnapshotRepository snapshots,
            BlobResults results, AnalysisConfig config, MeterRegistry metrics) {
        this.results = results;
        this.objects = objects;
        this.builder = builder;
        this.snapshots = snapshots;
        this.config = config;
        this.timer = Timer.builder("debtwatch.analysis.commit").description("time to analyse one commit")
                .publishPercentiles(0.5, 0.99).register(metrics);
    }

    /**
     * A commit's analysis and snapshot, computed and not stored yet.
     *
     * @param commit         the commit
     * @param analysis       its analysis
     * @param snapshot       its snapshot
     * @param durationMillis how long computing it took
     */
    public record Computed(CommitDiscovered commit, CommitAnalyzed analysis, Snapshot snapshot, double durationMillis) {
    }

    /**
     * @param commit  the discovered commit
     * @param eventId its analysis eventId
     * @return its analysis and snapshot, the snapshot kept in memory for the commits after it
     */
    @Retry(maxRetries = 4, delay = 200, jitter = 100, maxDuration = 60_000, retryOn = { GitFetchException.class,
            MongoSocketException.class, MongoTimeoutException.class, MongoNotPrimaryException.class,
            MongoNodeIsRecoveringException.class })
    public Computed compute(CommitDiscovered commit, String eventId) {
        long started = System.nanoTime();
        Computed computed = analyse(commit, eventId);
        long nanos = System.nanoTime() - started;
        timer.record(java.time.Duration.ofNanos(nanos));
        return new Computed(commit, computed.analysis(), computed.snapshot(), nanos / 1_000_000.0);
    }

    /**
     * Asks MongoDB once for the results of the files a batch of commits changed, with the settings of
     * the snapshot each repository's first commit in the batch starts from (a commit that changes
     * the settings is walked in full and looks its files up as before).
     *
     * @param commits the commits of one batch, each repository's in order
     */
    public void prefetch(List<CommitDiscovered> commits) {
        Map<String, String> settingsByRepo = new HashMap<>();
        List<String> keys = new ArrayList<>();
        for (CommitDiscovered commit : commits) {
            String settings = settingsByRepo.computeIfAbsent(commit.repoId(), repo -> commit.parents().isEmpty() ? null
                    : snapshots.cached(repo, commit.parents().get(0)).map(Snapshot::settingsKey).orElse(null));
            if (settings == null) {
                continue;
            }
            for (ChangedFile file : commit.changedFiles()) {
                if (file.blobId() != null) {
                    keys.add(BlobResults.key(settings, file.blobId(), file.path()));
                }
            }
        }
        results.prefetch(keys);
    }

    private Computed analyse(CommitDiscovered commit, String eventId) {
        try (Repository repository = objects.open(commit.repoId(), commit.repoUrl(), commit.sha());
                ObjectReader reader = repository.newObjectReader();
                RevWalk walk = new RevWalk(reader)) {
            RevCommit revCommit = walk.parseCommit(ObjectId.fromString(commit.sha()));
            Snapshot parent = null;
            SnapshotBuilder.Built built = null;
            boolean fullWalk = false;
            if (revCommit.getParentCount() > 0) {
                RevCommit parentCommit = walk.parseCommit(revCommit.getParent(0));
                parent = parentSnapshot(repository, reader, commit, revCommit, parentCommit);
                built = builder.delta(reader, parent, parentCommit, revCommit);
                if (built == null) {
                    built = builder.replacing(reader, parent, revCommit);
                    fullWalk = true;
                }
            }
            if (built == null) {
                built = builder.full(reader, commit.repoId(), commit.org(), revCommit);
                fullWalk = true;
            }
            Snapshot snapshot = built.snapshot()
                    .withDebtSince(DebtDates.of(repository, revCommit, built, parent, fullWalk));
            snapshots.remember(snapshot);
            return new Computed(commit, build(commit, eventId, built, snapshot, parent), snapshot, 0);
        } catch (IOException e) {
            throw new AnalysisFailedException("cannot read commit " + commit.sha() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The parent's snapshot: in memory or stored when the history arrives oldest first (a backfill
     * after its tip, a sync); derived backwards from the commit's own snapshot when it arrives newest
     * first (each commit's snapshot was built as the parent of the one before); otherwise built by a
     * full walk, its blobs mostly from the cache. A derived or walked snapshot is kept in memory only
     * and stored when its own commit is analysed. Either way its debt is dated: a walked one by blame,
     * a derived one with the dates of the commit's own snapshot (blame only for debt the commit removed).
     */
    private Snapshot parentSnapshot(Repository repository, ObjectReader reader, CommitDiscovered commit,
            RevCommit revCommit, RevCommit parentCommit) throws IOException {
        Snapshot found = snapshots.cached(commit.repoId(), parentCommit.name())
                .or(() -> snapshots.cached(commit.repoId(), revCommit.name())
                        .map(own -> backwards(repository, reader, own, revCommit, parentCommit)))
                .or(() -> snapshots.find(commit.repoId(), parentCommit.name()))
                .or(() -> snapshots.find(commit.repoId(), revCommit.name())
                        .map(own -> backwards(repository, reader, own, revCommit, parentCommit)))
                .orElse(null);
        if (found == null) {
            SnapshotBuilder.Built walked = builder.full(reader, commit.repoId(), commit.org(), parentCommit);
            found = walked.snapshot()
                    .withDebtSince(DebtDates.of(repository, parentCommit, walked, null, true));
        }
        snapshots.remember(found);
        return found;
    }

    /** The parent's snapshot as the commit's own minus the delta between them, or null when the settings changed. */
    private Snapshot backwards(Repository repository, ObjectReader reader, Snapshot own, RevCommit revCommit,
            RevCommit parentCommit) {
        try {
            SnapshotBuilder.Built built = builder.delta(reader, own, revCommit, parentCommit);
            return built == null ? null : built.snapshot()
                    .withDebtSince(DebtDates.of(repository, parentCommit, built, own, true));
        } catch (IOException e) {
            throw new AnalysisFailedException("cannot read commit " + parentCommit.name() + ": " + e.getMessage(), e);
        }
    }

    private CommitAnalyzed build(CommitDiscovered commit, String eventId, SnapshotBuilder.Built built,
            Snapshot snapshot, Snapshot parent) {
        List<Finding> parentRepository = parent == null ? List.of() : parent.repositoryFindings();
        List<Finding> before = Findings.production(built.removed(), parentRepository);
        List<Finding> after = Findings.production(built.added(), snapshot.repositoryFindings());
        List<Finding> fresh = new ArrayList<>(messageAnalyzer.analyzeCommitMessage(commit.message()));
        fresh.addAll(Findings.minus(after, before));
        List<Finding> fixed = Findings.minus(before, after);
        int limit = config.maxListedFindings();
        List<Finding> top = topFindings.of(snapshot.memoryKey(), parent == null ? null : parent.memoryKey(),
                built.files(), built.removed(), built.added(), snapshot.repositoryFindings(), limit);
        Map<String, IndicatorTotal> indicators = snapshot.totals().indicatorsWith(snapshot.repositoryFindings());
        return new CommitAnalyzed(eventId, commit.repoId(), commit.org(), commit.team(), commit.branch(), commit.sha(),
                commit.parents(), commit.committedAt(), commit.depth(), commit.backfill(), Analyzer.VERSION,
                Instant.now(), snapshot.totals().linesOfCode(), snapshot.totals().testLinesOfCode(), indicators,
                Totals.categories(indicators), snapshot.checks(),
                Findings.summaries(fresh, limit, snapshot.debtSince()), fresh.size(),
                Findings.summaries(fixed, limit, parentSince(parent)), fixed.size(),
                Findings.summaries(top, limit, snapshot.debtSince()),
                snapshot.totals().filesAnalyzed(), snapshot.totals().filesSkipped());
    }

    private static Map<String, Instant> parentSince(Snapshot parent) {
        return parent == null ? Map.of() : parent.debtSince();
    }
}
