package io.debtwatch.scoring.service;

import io.debtwatch.analyzer.score.ScoreModel;
import io.debtwatch.scoring.repository.CurrentScoreRepository;
import io.debtwatch.scoring.repository.TimelineRepository;
import io.debtwatch.service.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The organisation now or as of a day: its LOC-weighted summary and its leaderboard. */
@ApplicationScoped
public class OrgOverviewService {

    private static final Pattern PERIOD = Pattern.compile("^(\\d{1,3})d$");

    private final CurrentScoreRepository current;
    private final TimelineRepository timelines;

    OrgOverviewService(CurrentScoreRepository current, TimelineRepository timelines) {
        this.current = current;
        this.timelines = timelines;
    }

    /** The org at a glance; index and grade are null while nothing is scored. */
    public record Summary(String org, LocalDate asOf, Double index, String grade, long linesOfCode,
            int repositories, Map<String, Integer> repositoriesPerGrade) {
    }

    /** One leaderboard row; change is index minus previousIndex (negative is better). */
    public record LeaderboardEntry(int rank, String repoId, String team, double index, String grade,
            long linesOfCode, Double previousIndex, Double change) {
    }

    /**
     * @param org  the organisation
     * @param asOf the day, null for now
     * @return its summary
     */
    public Summary summary(String org, LocalDate asOf) {
        List<Standing> standings = standings(org, asOf);
        Contribution total = Contribution.NONE;
        Map<String, Integer> perGrade = new TreeMap<>(Map.of("A", 0, "B", 0, "C", 0, "D", 0, "E", 0));
        for (Standing s : standings) {
            total = total.plus(new Contribution(s.index() * s.linesOfCode(), s.linesOfCode(), 1, Map.of()));
            perGrade.merge(s.grade(), 1, Integer::sum);
        }
        Double index = total.weightedIndex();
        return new Summary(org, asOf, index, index == null ? null : ScoreModel.grade(index), Math.round(total.loc()),
                standings.size(), perGrade);
    }

    /**
     * @param org    the organisation
     * @param order  {@code worst}, {@code best}, {@code improved} or {@code regressed}
     * @param period how far back improvement is measured, such as {@code 30d}
     * @param asOf   the day, null for now
     * @param limit  how many rows
     * @return the leaderboard
     */
    public List<LeaderboardEntry> leaderboard(String org, String order, String period, LocalDate asOf, int limit) {
        if (limit < 1 || limit > 100) {
            throw ProblemException.invalid("limit", "must be between 1 and 100");
        }
        Comparator<LeaderboardEntry> comparator = comparator(order);
        LocalDate end = asOf == null ? LocalDate.now(ZoneOffset.UTC) : asOf;
        LocalDate earlier = end.minusDays(days(period));
        List<Standing> now;
        Map<String, Standing> before;
        if (asOf != null) {
            Map<LocalDate, Map<String, Standing>> both = timelines.inEffect(org, List.of(asOf, earlier));
            now = new ArrayList<>(both.get(asOf).values());
            before = both.get(earlier);
        } else {
            now = current.live(org);
            before = null;
        }
        boolean byChange = "improved".equals(order) || "regressed".equals(order);
        if (!byChange) {
            // the order does not depend on the earlier index: rank first, then look up only the rows shown
            now.sort(Comparator.comparing((Standing s) -> entry(s, null), comparator).thenComparing(Standing::repoId));
            now = new ArrayList<>(now.subList(0, Math.min(limit, now.size())));
        }
        if (before == null) {
            // ranked by change, every repository's earlier index is needed; else only the rows shown
            before = timelines.inEffect(org, byChange ? null : now.stream().map(Standing::repoId).toList(),
                    List.of(earlier)).get(earlier);
        }
        List<LeaderboardEntry> rows = new ArrayList<>();
        for (Standing s : now) {
            rows.add(entry(s, before.get(s.repoId())));
        }
        rows.sort(comparator.thenComparing(LeaderboardEntry::repoId));
        List<LeaderboardEntry> ranked = new ArrayList<>();
        for (LeaderboardEntry e : rows.subList(0, Math.min(limit, rows.size()))) {
            ranked.add(new LeaderboardEntry(ranked.size() + 1, e.repoId(), e.team(), e.index(), e.grade(),
                    e.linesOfCode(), e.previousIndex(), e.change()));
        }
        return ranked;
    }

    private static Comparator<LeaderboardEntry> comparator(String order) {
        return switch (order == null ? "worst" : order) {
            case "worst" -> Comparator.comparingDouble(LeaderboardEntry::index).reversed();
            case "best" -> Comparator.comparingDouble(LeaderboardEntry::index);
            case "improved" -> Comparator.comparingDouble(e -> e.change() == null ? Double.MAX_VALUE : e.change());
            case "regressed" -> Comparator.comparingDouble(e -> e.change() == null ? Double.MAX_VALUE : -e.change());
            default -> throw ProblemException.invalid("order", "must be one of worst, best, improved, regressed");
        };
    }

    private static LeaderboardEntry entry(Standing s, Standing earlier) {
        Double previous = earlier == null ? null : earlier.index();
        Double change = previous == null ? null : Math.round((s.index() - previous) * 10.0) / 10.0;
        return new LeaderboardEntry(0, s.repoId(), s.team(), s.index(), s.grade(), s.linesOfCode(), previous, change);
    }

    private List<Standing> standings(String org, LocalDate asOf) {
        if (asOf == null) {
            return current.live(org);
        }
        List<Standing> standings = new ArrayList<>(timelines.inEffect(org, List.of(asOf)).get(asOf).values());
        standings.sort(Comparator.comparing(Standing::repoId));
        return standings;
    }

    private static int days(String period) {
        Matcher m = PERIOD.matcher(period == null ? "30d" : period);
        if (!m.matches() || Integer.parseInt(m.group(1)) < 1 || Integer.parseInt(m.group(1)) > 366) {
            throw ProblemException.invalid("period", "must be a number of days from 1d to 366d, such as 30d");
        }
        return Integer.parseInt(m.group(1));
    }
}
