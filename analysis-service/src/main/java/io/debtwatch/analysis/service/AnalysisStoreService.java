package io.debtwatch.analysis.service;

import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import io.debtwatch.analysis.repository.AnalysisRepository;
import io.debtwatch.analysis.repository.AnalysisRepository.Stored;
import io.debtwatch.analysis.repository.CommitRepository;
import io.debtwatch.analysis.repository.SnapshotRepository;
import io.debtwatch.analysis.service.DeltaAnalysisService.Computed;
import io.debtwatch.events.CommitDiscovered;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * The MongoDB side of a batch of commits: one query for the analyses stored before, and one bulk
 * write per collection for the new ones. Every write is idempotent, so a transient failure is
 * retried as a whole. The order is what makes a crash harmless: file results and snapshots before
 * the commit records and the analyses, so a stored analysis always finds what it refers to, and
 * a commit whose analysis is not stored is analysed again when it is redelivered.
 */
@ApplicationScoped
@Startup
public class AnalysisStoreService {

    private final BlobResults results;
    private final SnapshotRepository snapshots;
    private final CommitRepository commits;
    private final AnalysisRepository analyses;

    AnalysisStoreService(BlobResults results, SnapshotRepository snapshots, CommitRepository commits,
            AnalysisRepository analyses) {
        this.results = results;
        this.snapshots = snapshots;
        this.commits = commits;
        this.analyses = analyses;
    }

    /**
     * @param eventIds analysis eventIds
     * @return the analyses stored before among them, by eventId
     */
    @Retry(maxRetries = 4, delay = 200, jitter = 100, maxDuration = 60_000, retryOn = { MongoSocketException.class,
            MongoTimeoutException.class, MongoNotPrimaryException.class, MongoNodeIsRecoveringException.class })
    public Map<String, Stored> stored(Collection<String> eventIds) {
        return analyses.findAll(eventIds);
    }

    /**
     * @param computed   analyses computed and not stored yet
     * @param unanalysed commits whose analysis failed: only their commit records are written, so that a
     *                   re-analysis of the history replays them
     * @return the stored analysis of each eventId: the computed one, or one another delivery stored first
     */
    @Retry(maxRetries = 4, delay = 200, jitter = 100, maxDuration = 60_000, retryOn = { MongoSocketException.class,
            MongoTimeoutException.class, MongoNotPrimaryException.class, MongoNodeIsRecoveringException.class })
    public Map<String, Stored> store(List<Computed> computed, List<CommitDiscovered> unanalysed) {
        results.flush();
        snapshots.storeAll(computed.stream().map(c -> new SnapshotRepository.ToStore(c.snapshot(),
                c.commit().parents().isEmpty() ? null : c.commit().parents().get(0))).toList());
        commits.recordAll(Stream.concat(computed.stream().map(Computed::commit), unanalysed.stream()).toList());
        return analyses.storeAll(computed.stream()
                .map(c -> new AnalysisRepository.Timed(c.analysis(), c.durationMillis())).toList());
    }
}
