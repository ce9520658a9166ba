package io.debtwatch.scoring.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.debtwatch.scoring.repository.DailyPointRepository;
import io.debtwatch.scoring.repository.RollupRepository;
import io.debtwatch.scoring.repository.RollupRepository.Delta;
import io.debtwatch.service.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Trends over time: a repository's history and the org's LOC-weighted roll-ups per team, repository
 * or category. Each bucket shows the state at its last day in range; days without a commit carry the
 * previous value forward.
 */
@ApplicationScoped
public class TrendService {

    private final RollupRepository rollups;
    private final DailyPointRepository points;

    TrendService(RollupRepository rollups, DailyPointRepository points) {
        this.rollups = rollups;
        this.points = points;
    }

    /**
     * One bucket of a series; index is null when nothing was scored yet. A day bucket is its own start
     * and end, so those two are left out of it (a year by day and team is 7,300 points, and the dates
     * were a third of the bytes); a week or month bucket has them, clipped to the range.
     */
    public record TrendPoint(String bucket, @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate start,
            @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate end, Double index, String grade, long linesOfCode,
            int repositories) {
    }

    /** The points of one team, repository, category or the whole org. */
    public record Series(String key, List<TrendPoint> points) {
    }

    /**
     * @param org     the organisation
     * @param range   the checked range
     * @param groupBy {@code org}, {@code team}, {@code repo} or {@code category}
     * @return one series per group
     */
    public List<Series> trends(String org, DateRange range, String groupBy) {
        return switch (groupBy == null ? "org" : groupBy) {
            case "org" -> fromDeltas(rollups.upTo(org, RollupRepository.ORG, range.from(), range.to()), range,
                    c -> Map.of("org", c));
            case "team" -> fromDeltas(rollups.upTo(org, "team", range.from(), range.to()), range, null);
            case "category" -> fromDeltas(rollups.upTo(org, RollupRepository.ORG, range.from(), range.to()), range,
                    TrendService::byCategory);
            case "repo" -> byRepository(points.upTo(org, range.to().toString()), range);
            default -> throw ProblemException.invalid("groupBy", "must be one of team, repo, category");
        };
    }

    /**
     * @param org    the organisation
     * @param repoId the repository
     * @param range  the checked range
     * @return its history, one point per bucket
     */
    public List<TrendPoint> history(String org, String repoId, DateRange range) {
        List<DailyPoint> all = new ArrayList<>();
        points.effectiveOn(org, repoId, range.from().minusDays(1).toString()).ifPresent(all::add);
        all.addAll(points.range(org, repoId, range.from().toString(), range.to().toString()));
        List<Series> series = byRepository(all, range);
        return series.isEmpty() ? List.of() : series.get(0).points();
    }

    /** Running sums of the deltas per scope, read off at the last day of each bucket. */
    private static List<Series> fromDeltas(List<Delta> deltas, DateRange range,
            Function<Contribution, Map<String, Contribution>> split) {
        Map<String, Contribution> running = new TreeMap<>();
        List<Bucket> buckets = buckets(range);
        Map<String, List<TrendPoint>> series = new TreeMap<>();
        int next = 0;
        for (int i = 0; i < buckets.size(); i++) {
            Bucket bucket = buckets.get(i);
            String end = bucket.end().toString();
            while (next < deltas.size() && deltas.get(next).day().compareTo(end) <= 0) {
                Delta d = deltas.get(next++);
                running.merge(d.scope(), d.change(), Contribution::plus);
            }
            List<Bucket> earlier = buckets.subList(0, i);
            running.forEach((scope, c) -> (split == null ? Map.of(scope.substring(5), c) : split.apply(c))
                    .forEach((key, part) -> series.computeIfAbsent(key, k -> none(earlier)).add(point(bucket, part))));
        }
        List<Series> all = new ArrayList<>();
        series.forEach((key, points) -> all.add(new Series(key, points)));
        return all;
    }

    /** The points of a series before its scope had any change: nothing scored yet. */
    private static List<TrendPoint> none(List<Bucket> buckets) {
        List<TrendPoint> points = new ArrayList<>();
        buckets.forEach(b -> points.add(point(b, Contribution.NONE)));
        return points;
    }

    private static Map<String, Contribution> byCategory(Contribution org) {
        Map<String, Contribution> parts = new TreeMap<>();
        org.categoryLoc().forEach((category, weighted) -> parts.put(category,
                new Contribution(weighted, org.loc(), org.repositories(), Map.of())));
        return parts;
    }

    private static List<Series> byRepository(List<DailyPoint> all, DateRange range) {
        Map<String, List<DailyPoint>> byRepo = new LinkedHashMap<>();
        all.forEach(p -> byRepo.computeIfAbsent(p.repoId(), k -> new ArrayList<>()).add(p));
        List<Series> series = new ArrayList<>();
        List<Bucket> buckets = buckets(range);
        for (Map.Entry<String, List<DailyPoint>> e : byRepo.entrySet()) {
            List<TrendPoint> out = new ArrayList<>();
            int next = 0;
            DailyPoint inEffect = null;
            for (Bucket bucket : buckets) {
                List<DailyPoint> repo = e.getValue();
                while (next < repo.size() && repo.get(next).day().compareTo(bucket.end().toString()) <= 0) {
                    inEffect = repo.get(next++);
                }
                boolean gone = inEffect != null && inEffect.nextDay() != null
                        && inEffect.nextDay().compareTo(bucket.end().toString()) <= 0;
                out.add(point(bucket, inEffect == null || gone ? Contribution.NONE : Contribution.of(inEffect)));
            }
            series.add(new Series(e.getKey(), out));
        }
        return series;
    }

    private static TrendPoint point(Bucket bucket, Contribution c) {
        Double index = c.weightedIndex();
        return new TrendPoint(bucket.label(), bucket.day() ? null : bucket.start(), bucket.day() ? null : bucket.end(),
                index, index == null ? null : io.debtwatch.analyzer.score.ScoreModel.grade(index), Math.round(c.loc()),
                c.repositories());
    }

    /** A bucket clipped to the range; {@code day} when it is one day, its own start and end. */
    private record Bucket(String label, LocalDate start, LocalDate end, boolean day) {
    }

    private static List<Bucket> buckets(DateRange range) {
        List<Bucket> buckets = new ArrayList<>();
        Map<String, LocalDate[]> seen = new LinkedHashMap<>();
        for (LocalDate d = range.from(); !d.isAfter(range.to()); d = d.plusDays(1)) {
            LocalDate day = d;
            seen.computeIfAbsent(Buckets.bucket(d, range.interval()), k -> new LocalDate[] {day, day})[1] = d;
        }
        boolean days = range.interval() == Buckets.Interval.DAY;
        seen.forEach((label, span) -> buckets.add(new Bucket(label, span[0], span[1], days)));
        return buckets;
    }
}
