package io.debtwatch.scoring.service;

import io.debtwatch.events.CommitAnalyzed;
import io.debtwatch.events.EventIds;
import io.debtwatch.scoring.repository.CurrentScoreRepository;
import io.debtwatch.scoring.repository.DailyPointRepository;
import io.debtwatch.scoring.repository.OutboxRepository;
import io.debtwatch.scoring.repository.OutboxRepository.PendingEvent;
import io.debtwatch.scoring.repository.RepositoryCatalog;
import io.debtwatch.scoring.repository.RepositoryCatalog.KnownRepository;
import io.debtwatch.scoring.repository.RollupRepository;
import io.debtwatch.scoring.repository.ScoreRepository;
import io.debtwatch.scoring.repository.TimelineRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The analyses of one Kafka poll, scored as if one by one but stored together. It reads up front,
 * by {@code _id}, what the batch needs (stored scores and parents, catalog entries, current scores,
 * the points of the batch's days), keeps what earlier analyses of the batch changed in memory, so a
 * later one sees it exactly as it would have read it from the database, and writes everything at the
 * end with one round trip per collection. Roll-up and timeline updates keep their order, so the
 * stored sums are the same to the last bit as one by one; the current score of a repository that
 * moved several times is written once, as its last value.
 */
final class ScoringBatch {

    /** The repositories a batch reads and writes. */
    record Stores(ScoreRepository scores, RepositoryCatalog catalog, CurrentScoreRepository current,
            DailyPointRepository points, RollupRepository rollups, TimelineRepository timelines,
            OutboxRepository outbox) {
    }

    private final Stores stores;
    private final Map<String, ScoreRepository.Stored> stored;
    private final Map<String, KnownRepository> catalog;
    private final Map<String, CurrentScore> currents;
    private final Set<String> hadCurrent;
    private final Map<String, TreeMap<String, DailyPoint>> points = new HashMap<>();
    private final Map<String, CommitScore> recorded = new HashMap<>();
    private final List<CommitScore> inserts = new ArrayList<>();
    private final Set<String> completed = new HashSet<>();
    private final List<CommitScore> completions = new ArrayList<>();
    private final Map<String, DailyPoint> replaced = new LinkedHashMap<>();
    private final Map<String, DailyPoint> moved = new LinkedHashMap<>();
    private final List<RollupRepository.Change> rollupChanges = new ArrayList<>();
    private final List<TimelineRepository.Change> timelineChanges = new ArrayList<>();
    private final List<PendingEvent> events = new ArrayList<>();
    private final Map<String, CommitScore> advanced = new LinkedHashMap<>();
    /** The stored neighbours already read, by repository, side and day: nothing is written before the flush,
     *  so a second look would find the same, and a backfill's commits share their day two dozen at a time. */
    private final Set<String> lookedUp = new HashSet<>();

    private ScoringBatch(Stores stores, List<CommitAnalyzed> analyses) {
        this.stores = stores;
        Set<String> ids = new HashSet<>();
        Set<String> repoIds = new HashSet<>();
        List<Map.Entry<String, String>> days = new ArrayList<>();
        for (CommitAnalyzed a : analyses) {
            ids.add(a.eventId());
            if (!a.parents().isEmpty()) {
                ids.add(EventIds.analysis(a.repoId(), a.parents().get(0), a.analyzerVersion()));
            }
            repoIds.add(a.repoId());
            days.add(new SimpleEntry<>(a.repoId(), Buckets.day(a.committedAt()).toString()));
        }
        this.stored = stores.scores().byIds(ids);
        this.catalog = stores.catalog().findAll(repoIds);
        this.currents = new HashMap<>(stores.current().findAll(repoIds));
        this.hadCurrent = new HashSet<>(currents.keySet());
        for (DailyPoint p : stores.points().atAll(days)) {
            view(p.repoId()).put(p.day(), p);
        }
    }

    /**
     * @param stores   the repositories
     * @param analyses the batch, in the order it is handled
     * @return the batch with what it needs read
     */
    static ScoringBatch load(Stores stores, List<CommitAnalyzed> analyses) {
        return new ScoringBatch(stores, analyses);
    }

    boolean complete(String id) {
        return completed.contains(id) || Optional.ofNullable(stored.get(id)).map(ScoreRepository.Stored::complete)
                .orElse(false);
    }

    Optional<KnownRepository> repository(String repoId) {
        return Optional.ofNullable(catalog.get(repoId));
    }

    Optional<CommitScore> score(String id) {
        return Optional.ofNullable(recorded.get(id))
                .or(() -> Optional.ofNullable(stored.get(id)).map(ScoreRepository.Stored::score));
    }

    /** Records a new score, or returns the one stored before under its id, which wins as an insert would. */
    CommitScore record(CommitScore score) {
        Optional<CommitScore> before = score(score.id());
        if (before.isPresent()) {
            return before.get();
        }
        inserts.add(score);
        recorded.put(score.id(), score);
        return score;
    }

    /** Scores recorded by this batch so far whose committer time is in [from, to), at the stored precision. */
    long newScoresBetween(String repoId, Instant from, Instant to) {
        long start = Date.from(from).getTime();
        long end = Date.from(to).getTime();
        return inserts.stream().filter(s -> s.repoId().equals(repoId)).map(s -> Date.from(s.committedAt()).getTime())
                .filter(t -> t >= start && t < end).count();
    }

    Optional<DailyPoint> pointAt(String repoId, String day) {
        return Optional.ofNullable(view(repoId).get(day));
    }

    /** The latest point before the day: the stored one, unless this batch holds a later one or changed it. */
    Optional<DailyPoint> pointBefore(String repoId, String day) {
        if (lookedUp.add(repoId + "|before|" + day)) {
            stores.points().before(repoId, day).ifPresent(p -> view(repoId).putIfAbsent(p.day(), p));
        }
        return Optional.ofNullable(view(repoId).lowerEntry(day)).map(Map.Entry::getValue);
    }

    /** The earliest point after the day: the stored one, unless this batch holds an earlier one or changed it. */
    Optional<DailyPoint> pointAfter(String repoId, String day) {
        if (lookedUp.add(repoId + "|after|" + day)) {
            stores.points().after(repoId, day).ifPresent(p -> view(repoId).putIfAbsent(p.day(), p));
        }
        return Optional.ofNullable(view(repoId).higherEntry(day)).map(Map.Entry::getValue);
    }

    void putPoint(DailyPoint point) {
        view(point.repoId()).put(point.day(), point);
        String key = point.repoId() + ":" + point.day();
        moved.remove(key);
        replaced.put(key, point);
    }

    void setNextDay(DailyPoint point, String next) {
        DailyPoint changed = new DailyPoint(point.repoId(), point.org(), point.team(), point.day(), point.week(),
                point.month(), point.depth(), point.index(), point.grade(), point.linesOfCode(),
                point.categoryScores(), point.sha(), next);
        view(point.repoId()).put(point.day(), changed);
        String key = point.repoId() + ":" + point.day();
        (replaced.containsKey(key) ? replaced : moved).put(key, changed);
    }

    void rollup(String org, String team, LocalDate day, Contribution change) {
        rollupChanges.add(new RollupRepository.Change(org, team, day, change));
    }

    void timeline(DailyPoint point, Optional<DailyPoint> previous, Optional<DailyPoint> next) {
        timelineChanges.addAll(stores.timelines().changes(point, previous, next));
    }

    /** The repository's current score in that org, as the batch left it so far. */
    Optional<CurrentScore> current(String org, String repoId) {
        return Optional.ofNullable(currents.get(repoId)).filter(c -> org.equals(c.org()));
    }

    /** Makes the score current when its commit is deeper than the current one, whatever its org. */
    boolean advance(CommitScore score) {
        CurrentScore now = currents.get(score.repoId());
        if (now != null && now.depth() >= score.depth()) {
            return false;
        }
        currents.put(score.repoId(), CurrentScoreRepository.view(score));
        advanced.put(score.repoId(), score);
        return true;
    }

    void event(PendingEvent event) {
        events.add(event);
    }

    void markComplete(CommitScore score) {
        completed.add(score.id());
        completions.add(score);
    }

    /**
     * Stores the batch. The order is that of one analysis's steps; the events are recorded before
     * the current scores, so an interruption between the two leaves the events to be recorded again
     * (same eventIds) when the batch is redelivered, rather than lost.
     */
    void flush() {
        stores.scores().insertAll(inserts);
        stores.rollups().write(stores.rollups().changes(rollupChanges));
        stores.points().writeAll(replaced.values(), moved.values());
        stores.timelines().write(timelineChanges);
        stores.outbox().recordAll(events);
        stores.current().advanceAll(advanced.values(), hadCurrent);
        stores.scores().markComplete(completions);
    }

    private TreeMap<String, DailyPoint> view(String repoId) {
        return points.computeIfAbsent(repoId, r -> new TreeMap<>());
    }
}
