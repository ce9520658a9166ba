package io.debtwatch.cli.scan;

import io.debtwatch.analyzer.FileAnalysis;
import io.debtwatch.analyzer.Finding;
import io.debtwatch.analyzer.scan.ScanResult;
import io.debtwatch.analyzer.score.Contribution;
import io.debtwatch.analyzer.score.Score;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The summary a person reads: score and grade, each category, top contributors, top findings with file:line. */
final class TextReport {
    private static final int TOP = 10;
    private static final Map<String, Integer> SEVERITY_RANK = Map.of("critical", 0, "major", 1, "minor", 2, "info", 3);

    private TextReport() {
    }

    static void print(PrintWriter out, ScanResult result, String root, String revision) {
        Score score = result.score();
        out.printf(Locale.ROOT, "DebtWatch scan of %s%s%n", root, revision == null ? "" : " at " + revision.substring(0, 12));
        long skipped = result.files().stream().filter(f -> f.skippedReason() != null).count();
        out.printf(Locale.ROOT, "%d files, %d lines of code, %d skipped%n%n", result.files().size(), result.linesOfCode(), skipped);
        out.printf(Locale.ROOT, "Prototype index: %.1f / 100   grade %s   estimated debt %s%n%n", score.index(), score.grade(),
                duration(score.debtMinutes()));
        out.println("Categories (0 = production-grade, 100 = raw prototype):");
        score.categoryScores().forEach((c, s) -> out.printf(Locale.ROOT, "  %-15s %5.1f%n", c, s));
        if (!score.contributions().isEmpty()) {
            out.println();
            out.println("Top contributors:");
            score.contributions().stream().limit(5).forEach((Contribution c) ->
                    out.printf(Locale.ROOT, "  %5.1f  %s%n", c.points(), c.indicatorId()));
        }
        List<Finding> findings = result.files().stream().flatMap(f -> f.findings().stream()).filter(f -> !f.testCode())
                .sorted(Comparator.comparing((Finding f) -> SEVERITY_RANK.getOrDefault(f.severity(), 4))
                        .thenComparing(Finding::path).thenComparingInt(Finding::startLine))
                .toList();
        out.println();
        out.printf(Locale.ROOT, "Top findings (%d in production code):%n", findings.size());
        findings.stream().limit(TOP).forEach(f -> out.printf(Locale.ROOT, "  %s:%d  %-8s %s  %s%n", f.path(), f.startLine(),
                f.severity(), f.indicatorId(), f.message()));
        if (!result.repository().findings().isEmpty()) {
            out.println();
            out.println("Repository checks failed:");
            result.repository().findings().forEach(f -> out.printf(Locale.ROOT, "  %-8s %s  %s%n", f.severity(), f.indicatorId(),
                    f.message()));
        }
        Map<String, Integer> reasons = new TreeMap<>();
        for (FileAnalysis f : result.files()) {
            if (f.skippedReason() != null) {
                reasons.merge(f.skippedReason().replaceAll(":.*", ""), 1, Integer::sum);
            }
        }
        if (!reasons.isEmpty()) {
            out.println();
            out.println("Skipped: " + reasons);
        }
    }

    private static String duration(long minutes) {
        return minutes < 60 ? minutes + " min" : String.format(Locale.ROOT, "%.1f h", minutes / 60.0);
    }
}
