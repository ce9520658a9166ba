package io.debtwatch.analyzer.score;

import io.debtwatch.analyzer.Catalogue;
import io.debtwatch.analyzer.Indicator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The prototype index: per-category penalty points saturate into a 0..100 category score, and the
 *  index is the weighted mean of the category scores (docs/scoring.md explains and calibrates it). */
public final class ScoreModel {
    /** Category weights; they sum to 100. */
    public static final Map<String, Integer> WEIGHTS = weights();
    /** Points at which a category score reaches 63 (1 - 1/e of its maximum). */
    public static final double SATURATION = 20.0;
    /** Grade upper bounds (inclusive) for A, B, C, D; above the last is E. */
    public static final double[] GRADE_BOUNDS = {15, 30, 45, 60};
    /** Test-to-code ratio at and above which the ratio adds no points. */
    public static final double GOOD_TEST_RATIO = 0.4;
    /** Repository checks and the indicator each failure stands for. */
    public static final Map<String, String> CHECK_INDICATORS = Map.of("readme", "readiness.readme", "ci", "readiness.ci",
            "build-manifest", "readiness.build-manifest", "lockfile", "readiness.lockfile", "env-config",
            "readiness.env-config", "logging", "observability.no-logging", "health-endpoint",
            "observability.no-health-endpoint", "tests", "tests.none");

    private ScoreModel() {
    }

    public static Score score(ScoreInput input) {
        Map<String, IndicatorCount> indicators = new LinkedHashMap<>(input.indicators());
        input.repositoryChecks().forEach((check, passed) -> {
            String id = CHECK_INDICATORS.get(check);
            if (id != null && !passed && !indicators.containsKey(id)) {
                Indicator ind = Catalogue.get(id);
                indicators.put(id, new IndicatorCount(ind.category(), 1, ind.remediationMinutes()));
            }
        });
        double kloc = Math.max(1.0, input.linesOfCode() / 1000.0);
        Map<String, Double> points = new LinkedHashMap<>();
        Map<String, String> categoryOf = new HashMap<>();
        long debt = 0;
        for (Map.Entry<String, IndicatorCount> e : indicators.entrySet()) {
            IndicatorCount c = e.getValue();
            if (c.count() <= 0) {
                continue;
            }
            Indicator ind = Catalogue.find(e.getKey());
            String severity = ind == null ? "minor" : ind.severity();
            boolean repoLevel = ind != null && ind.languages().contains("repository");
            points.merge(e.getKey(), points(severity, c.count(), kloc, repoLevel), Double::sum);
            categoryOf.put(e.getKey(), c.category());
            debt += c.remediationMinutes();
        }
        if (input.linesOfCode() > 0) {
            double ratio = (double) input.testLinesOfCode() / input.linesOfCode();
            double ratioPoints = 30 * Math.max(0, 1 - ratio / GOOD_TEST_RATIO);
            if (ratioPoints > 0) {
                points.merge("tests.low-ratio", ratioPoints, Double::sum);
                categoryOf.put("tests.low-ratio", "tests");
            }
        }
        return assemble(points, categoryOf, debt);
    }

    /** Penalty points of one indicator: critical and repository-level ones count per occurrence,
     *  the others per thousand lines of code. */
    static double points(String severity, int count, double kloc, boolean repoLevel) {
        if (repoLevel) {
            return switch (severity) {
                case "critical" -> 40;
                case "major" -> 15;
                case "minor" -> 8;
                default -> 5;
            };
        }
        if (severity.equals("critical")) {
            return 10.0 * count;
        }
        double weight = switch (severity) {
            case "major" -> 3;
            case "minor" -> 1;
            default -> 0.5;
        };
        return weight * count / kloc * 5;
    }

    private static Score assemble(Map<String, Double> points, Map<String, String> categoryOf, long debt) {
        Map<String, Double> categoryPoints = new HashMap<>();
        points.forEach((id, p) -> categoryPoints.merge(categoryOf.get(id), p, Double::sum));
        Map<String, Double> categoryScores = new LinkedHashMap<>();
        double totalWeight = WEIGHTS.values().stream().mapToInt(Integer::intValue).sum();
        List<Contribution> raw = new ArrayList<>();
        double index = 0;
        for (String category : WEIGHTS.keySet()) {
            double p = categoryPoints.getOrDefault(category, 0.0);
            double s = 100 * (1 - Math.exp(-p / SATURATION));
            categoryScores.put(category, round1(s));
            double share = WEIGHTS.get(category) / totalWeight * s;
            index += share;
            if (p > 0) {
                points.forEach((id, ip) -> {
                    if (category.equals(categoryOf.get(id))) {
                        raw.add(new Contribution(id, category, share * ip / p));
                    }
                });
            }
        }
        double rounded = round1(index);
        return new Score(rounded, grade(rounded), categoryScores, debt, roundContributions(raw, rounded));
    }

    /** Rounds contributions to one decimal and gives the rounding remainder to the largest, so they sum to the index. */
    private static List<Contribution> roundContributions(List<Contribution> raw, double index) {
        List<Contribution> sorted = new ArrayList<>(raw);
        sorted.sort(Comparator.comparingDouble(Contribution::points).reversed().thenComparing(Contribution::indicatorId));
        List<Contribution> out = new ArrayList<>();
        double sum = 0;
        for (Contribution c : sorted) {
            double r = round1(c.points());
            sum += r;
            out.add(new Contribution(c.indicatorId(), c.category(), r));
        }
        if (!out.isEmpty()) {
            Contribution first = out.get(0);
            out.set(0, new Contribution(first.indicatorId(), first.category(), round1(first.points() + index - sum)));
        }
        out.removeIf(c -> c.points() <= 0 && out.indexOf(c) > 0);
        return List.copyOf(out);
    }

    public static String grade(double index) {
        String[] grades = {"A", "B", "C", "D"};
        for (int i = 0; i < GRADE_BOUNDS.length; i++) {
            if (index <= GRADE_BOUNDS[i]) {
                return grades[i];
            }
        }
        return "E";
    }

    static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static Map<String, Integer> weights() {
        Map<String, Integer> w = new LinkedHashMap<>();
        w.put("security", 20);
        w.put("error-handling", 15);
        w.put("tests", 15);
        w.put("readiness", 10);
        w.put("satd", 10);
        w.put("config", 8);
        w.put("observability", 7);
        w.put("structure", 6);
        w.put("performance", 5);
        w.put("prototype", 4);
        return java.util.Collections.unmodifiableMap(w);
    }
}
