package io.debtwatch.ingest.service;

import com.mongodb.client.model.Updates;
import io.debtwatch.ingest.config.IngestConfig;
import io.debtwatch.ingest.repository.BackfillState;
import io.debtwatch.ingest.repository.BackfillState.Segment;
import io.debtwatch.ingest.repository.OutboxEvent;
import io.debtwatch.ingest.repository.OutboxRepository;
import io.debtwatch.ingest.repository.RepositoryEntity;
import io.debtwatch.ingest.repository.RepositoryStore;
import io.debtwatch.ingest.service.git.ChainStep;
import io.debtwatch.ingest.service.git.GitSyncException;
import io.debtwatch.ingest.service.git.HistoryReader;
import io.debtwatch.ingest.service.git.MirrorService;
import jakarta.enterprise.context.ApplicationScoped;
import io.debtwatch.ingest.repository.OutboxSent;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.jboss.logging.Logger;

/**
 * Emits a repository's first-parent history from the tip seen at registration, under its policy
 * ({@code none}, {@code last} N, {@code daily}, {@code all}), one bounded batch at a time: the tip
 * first, so a new repository is scored at once, then the rest oldest first, so the analysis of each
 * commit is a delta on its parent's, analysed just before (see {@link BackfillState}). A batch is
 * written only while few of the backfill's events wait unsent, so a long backfill never fills the
 * outbox ahead of new pushes; the cursor is stored after each batch, so a restart resumes.
 */
@ApplicationScoped
public class BackfillService {

    private static final Logger LOG = Logger.getLogger(BackfillService.class);
    /** Commits of the chain per segment: what one batch walks to find its commits. */
    static final int SEGMENT_STEPS = 1000;

    private final IngestConfig config;
    private final RepositoryStore repositories;
    private final OutboxRepository outbox;
    private final MirrorService mirrors;
    private final HistoryReader history;
    private final Semaphore drained = new Semaphore(0);

    public BackfillService(IngestConfig config, RepositoryStore repositories, OutboxRepository outbox,
            MirrorService mirrors, HistoryReader history) {
        this.config = config;
        this.repositories = repositories;
        this.outbox = outbox;
        this.mirrors = mirrors;
        this.history = history;
    }

    /**
     * Fixes what the backfill will cover, from the branch tip of the first successful fetch.
     *
     * @param repo   the repository
     * @param mirror its mirror
     * @param tip    the branch tip
     * @return the planned state, stored
     * @throws GitSyncException when the history cannot be walked
     */
    public BackfillState plan(RepositoryEntity repo, Repository mirror, ObjectId tip) throws GitSyncException {
        BackfillState current = repo.backfill();
        long depth = history.depth(mirror, tip);
        long planned = switch (current.policy()) {
            case "none" -> 0;
            case "last" -> Math.min(depth, current.count());
            case "all" -> depth;
            case "daily" -> countDays(mirror, tip, current.count());
            default -> throw new IllegalStateException("unknown backfill policy " + current.policy());
        };
        BackfillState state = new BackfillState(current.policy(), current.count(), planned == 0 ? "done" : "running",
                tip.name(), planned, 0, planned == 0 ? null : tip.name(), depth, null, null, 0, 0);
        repositories.saveBackfill(repo.id(), state);
        return state;
    }

    /** What a batch left to do. */
    public enum Progress {
        /** More batches remain and may run at once. */
        MORE,
        /** Too many of the backfill's events wait unsent: wait for the relay before the next batch. */
        WAIT,
        /** Nothing remains (finished, deleted or not running). */
        DONE
    }

    /**
     * Runs batches of a backfill for up to {@code budget}, pausing while too many of its events are
     * unsent, then gives the worker back so other repositories get their turn.
     *
     * @param repoId the repository
     * @param budget how long to keep going
     * @throws GitSyncException when the history cannot be read
     */
    public void run(String repoId, Duration budget) throws GitSyncException {
        long deadline = System.nanoTime() + budget.toNanos();
        Progress progress = runBatch(repoId);
        while (progress != Progress.DONE && System.nanoTime() < deadline) {
            if (progress == Progress.WAIT && !awaitSent(deadline)) {
                return;
            }
            progress = runBatch(repoId);
        }
    }

    void onSent(@Observes OutboxSent sent) {
        drained.release();
    }

    private boolean awaitSent(long deadline) {
        try {
            drained.drainPermits();
            long wait = Math.min(TimeUnit.SECONDS.toNanos(1), deadline - System.nanoTime());
            drained.tryAcquire(Math.max(0, wait), TimeUnit.NANOSECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Emits the next batch of a running backfill, unless too many of its events still wait to be sent:
     * the tip alone first, then the rest of the history oldest first, a segment at a time.
     *
     * @param repoId the repository
     * @return what remains to do
     * @throws GitSyncException when the history cannot be read
     */
    public Progress runBatch(String repoId) throws GitSyncException {
        RepositoryEntity repo = repositories.findById(repoId).orElse(null);
        if (repo == null || !"running".equals(repo.backfill().state())) {
            return Progress.DONE;
        }
        if (outbox.pendingBackfill(repoId) > config.backfill().maxPending()) {
            return Progress.WAIT;
        }
        BackfillState state = repo.backfill();
        try (Repository mirror = mirrors.open(repoId)) {
            BackfillState next = state.emitted() == 0 && state.segments() == null ? emitTip(repo, mirror, state)
                    : emitSegment(repo, mirror, state.segments() == null ? cut(mirror, state) : state);
            repositories.saveBackfill(repoId, next);
            if (next.state().equals("done")) {
                LOG.infof("backfill of %s done: %d commits", repoId, next.emitted());
                return Progress.DONE;
            }
            return Progress.MORE;
        }
    }

    private BackfillState emitTip(RepositoryEntity repo, Repository mirror, BackfillState state)
            throws GitSyncException {
        ChainStep tip = history.chain(mirror, ObjectId.fromString(state.nextSha()), 1).get(0);
        outbox.record(List.of(OutboxEvents.commit(repo, history.read(mirror, tip.id(), state.nextDepth()), true)));
        boolean done = state.planned() <= 1 || tip.firstParent() == null;
        return new BackfillState(state.policy(), state.count(), done ? "done" : "running", state.tip(),
                done ? 1 : state.planned(), 1, done ? null : tip.firstParent().name(), state.nextDepth() - 1,
                day(tip.commitTime()), null, 0, 0);
    }

    /** Cuts the history from {@code nextSha} down to the last commit the backfill takes into segments. */
    private BackfillState cut(Repository mirror, BackfillState state) throws GitSyncException {
        long wanted = state.planned() - state.emitted();
        List<Segment> segments = new ArrayList<>();
        ObjectId next = ObjectId.fromString(state.nextSha());
        long depth = state.nextDepth();
        String childDay = state.lastDay();
        long taken = 0;
        while (next != null && taken < wanted) {
            List<ChainStep> steps = history.chain(mirror, next, SEGMENT_STEPS);
            if (steps.isEmpty()) {
                break;
            }
            String segmentChildDay = childDay;
            int spanned = 0;
            for (ChainStep step : steps) {
                if (taken >= wanted) {
                    break;
                }
                spanned++;
                String day = day(step.commitTime());
                if (takes(state, day, childDay)) {
                    taken++;
                }
                childDay = day;
            }
            segments.add(new Segment(next.name(), depth, spanned, segmentChildDay));
            depth -= spanned;
            ChainStep last = steps.get(spanned - 1);
            next = spanned < steps.size() ? steps.get(spanned).id() : last.firstParent();
        }
        return new BackfillState(state.policy(), state.count(), state.state(), state.tip(),
                state.emitted() + taken, state.emitted(), null, depth, null, segments, segments.size() - 1, 0);
    }

    /** Emits the oldest commits of the current segment not emitted yet, at most a batch. */
    private BackfillState emitSegment(RepositoryEntity repo, Repository mirror, BackfillState state)
            throws GitSyncException {
        if (state.segment() < 0 || state.segments().isEmpty()) {
            return finished(state);
        }
        Segment segment = state.segments().get(state.segment());
        List<ChainStep> steps = history.chain(mirror, ObjectId.fromString(segment.sha()), segment.steps());
        List<ChainStep> taken = new ArrayList<>();
        List<Long> depths = new ArrayList<>();
        String childDay = segment.childDay();
        long depth = segment.depth();
        for (ChainStep step : steps) {
            String day = day(step.commitTime());
            if (takes(state, day, childDay)) {
                taken.add(step);
                depths.add(depth);
            }
            childDay = day;
            depth--;
        }
        int from = taken.size() - 1 - state.segmentEmitted();
        int to = Math.max(-1, from - config.backfill().batchSize());
        List<OutboxEvent> events = new ArrayList<>();
        for (int i = from; i > to; i--) {
            events.add(OutboxEvents.commit(repo, history.read(mirror, taken.get(i).id(), depths.get(i)), true));
        }
        outbox.record(events);
        long emitted = state.emitted() + events.size();
        boolean segmentDone = to < 0;
        int nextSegment = segmentDone ? state.segment() - 1 : state.segment();
        BackfillState next = new BackfillState(state.policy(), state.count(), state.state(), state.tip(),
                state.planned(), emitted, null, state.nextDepth(), null, state.segments(), nextSegment,
                segmentDone ? 0 : state.segmentEmitted() + events.size());
        return nextSegment < 0 ? finished(next) : next;
    }

    private static BackfillState finished(BackfillState state) {
        return new BackfillState(state.policy(), state.count(), "done", state.tip(), state.emitted(), state.emitted(),
                null, state.nextDepth(), null, null, 0, 0);
    }

    /** Whether a commit of that day is taken: every commit, or for {@code daily} the newest of each day. */
    private static boolean takes(BackfillState state, String day, String childDay) {
        return !state.policy().equals("daily") || !day.equals(childDay);
    }

    /**
     * Shows a failed backfill batch on the repository; the batch is retried on the next tick.
     *
     * @param repoId  the repository
     * @param message what went wrong
     */
    public void recordFailure(String repoId, String message) {
        LOG.warnf("backfill batch of %s failed, retried on the next tick: %s", repoId, message);
        repositories.update(repoId, Updates.set("sync.lastError", "backfill: " + message));
    }

    private long countDays(Repository mirror, ObjectId tip, int maxDays) throws GitSyncException {
        long days = 0;
        String lastDay = null;
        ObjectId next = tip;
        while (next != null) {
            List<ChainStep> steps = history.chain(mirror, next, 1000);
            for (ChainStep step : steps) {
                String day = day(step.commitTime());
                if (!day.equals(lastDay)) {
                    days++;
                    lastDay = day;
                    if (maxDays > 0 && days >= maxDays) {
                        return days;
                    }
                }
            }
            next = steps.isEmpty() ? null : steps.get(steps.size() - 1).firstParent();
        }
        return days;
    }

    private static String day(long epochSeconds) {
        return Instant.ofEpochSecond(epochSeconds).atZone(ZoneOffset.UTC).toLocalDate().toString();
    }
}
