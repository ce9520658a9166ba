package io.debtwatch.scoring.service;

import io.debtwatch.scoring.repository.DailyPointRepository;
import io.debtwatch.scoring.repository.RollupRepository;
import io.debtwatch.scoring.repository.TimelineRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Keeps one point per repository and day and the LOC-weighted team and org roll-ups in step with
 * them. A repository's value holds from its point's day until its next point (carry-forward) or its
 * deletion, so a point changes the roll-ups on its day and undoes that change on the next point's day.
 */
@ApplicationScoped
public class RollupService {

    private final DailyPointRepository points;
    private final RollupRepository rollups;
    private final TimelineRepository timelines;

    RollupService(DailyPointRepository points, RollupRepository rollups, TimelineRepository timelines) {
        this.points = points;
        this.rollups = rollups;
        this.timelines = timelines;
    }

    /**
     * @param score a default-branch score; ignored when a deeper commit already holds its day
     * @param batch the batch it belongs to, which reads the points and collects the writes
     */
    void apply(CommitScore score, ScoringBatch batch) {
        LocalDate day = Buckets.day(score.committedAt());
        String dayText = day.toString();
        Optional<DailyPoint> existing = batch.pointAt(score.repoId(), dayText);
        if (existing.isPresent() && existing.get().depth() >= score.depth()) {
            return;
        }
        Optional<DailyPoint> previous = batch.pointBefore(score.repoId(), dayText);
        Optional<DailyPoint> next = batch.pointAfter(score.repoId(), dayText);
        DailyPoint point = new DailyPoint(score.repoId(), score.org(), score.team(), dayText, Buckets.week(day),
                Buckets.month(day), score.depth(), score.index(), score.grade(), score.linesOfCode(),
                score.categoryScores(), score.sha(), next.map(DailyPoint::day).orElse(null));
        Optional<DailyPoint> replaced = existing.or(() -> previous);
        shift(replaced, Optional.of(point), day, batch::rollup);
        next.ifPresent(n -> shift(Optional.of(point), replaced, LocalDate.parse(n.day()), batch::rollup));
        batch.putPoint(point);
        batch.timeline(point, previous, next);
        if (existing.isEmpty()) {
            previous.ifPresent(p -> batch.setNextDay(p, dayText));
        }
    }

    /**
     * Takes a repository out of the roll-ups from its deletion day on.
     *
     * @param repoId the repository
     * @param day    the deletion day
     */
    public void delete(String repoId, LocalDate day) {
        String dayText = day.toString();
        Optional<DailyPoint> previous = points.before(repoId, dayText);
        Optional<DailyPoint> before = previous;
        for (DailyPoint p : points.from(repoId, dayText)) {
            shift(Optional.of(p), before, LocalDate.parse(p.day()), rollups::add);
            before = Optional.of(p);
        }
        shift(previous, Optional.empty(), day, rollups::add);
        points.deleteFrom(repoId, dayText);
        timelines.deleteFrom(repoId, day, previous);
        previous.ifPresent(p -> points.setNextDay(repoId, p.day(), dayText));
    }

    /**
     * Forgets the repository's timeline once {@link #delete} took it out of the roll-ups from its first day.
     *
     * @param repoId the repository whose history is purged
     */
    public void purge(String repoId) {
        timelines.purge(repoId);
    }

    /**
     * @param repoId the repository
     * @return the day of its first point, if it has any
     */
    public Optional<LocalDate> firstDay(String repoId) {
        return points.after(repoId, "0000-00-00").map(p -> LocalDate.parse(p.day()));
    }

    /** Where roll-up changes go: straight to the database, or into a batch. */
    @FunctionalInterface
    private interface RollupSink {
        void add(String org, String team, LocalDate day, Contribution change);
    }

    /** Replaces the contribution {@code from} by {@code to} on the day, in the org and in their teams. */
    private static void shift(Optional<DailyPoint> from, Optional<DailyPoint> to, LocalDate day, RollupSink rollups) {
        if (from.isEmpty() && to.isEmpty()) {
            return;
        }
        Contribution removed = from.map(Contribution::of).orElse(Contribution.NONE).negate();
        Contribution added = to.map(Contribution::of).orElse(Contribution.NONE);
        String org = to.or(() -> from).map(DailyPoint::org).orElseThrow();
        rollups.add(org, null, day, removed.plus(added));
        String oldTeam = from.map(DailyPoint::team).orElse(null);
        String newTeam = to.map(DailyPoint::team).orElse(null);
        if (oldTeam != null && oldTeam.equals(newTeam)) {
            rollups.add(org, oldTeam, day, removed.plus(added));
            return;
        }
        if (oldTeam != null) {
            rollups.add(org, oldTeam, day, removed);
        }
        if (newTeam != null) {
            rollups.add(org, newTeam, day, added);
        }
    }
}
