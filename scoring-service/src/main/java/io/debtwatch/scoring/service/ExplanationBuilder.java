package io.debtwatch.scoring.service;

import io.debtwatch.events.CommitAnalyzed;
import io.debtwatch.events.FindingSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Explains a score against its parent's, for people: "+6.0: 2 new TODOs in api/, 1 empty catch in
 * OrderService, test code removed". Built from the new and fixed findings and the category deltas.
 */
public final class ExplanationBuilder {

    private static final int MAX_PARTS = 4;

    private ExplanationBuilder() {
    }

    /**
     * @param analysis the commit's analysis
     * @param index    the commit's index
     * @param categories the commit's category scores
     * @param parent   the first parent's score with the same analyzer, if recorded
     * @return the explanation
     */
    public static String explain(CommitAnalyzed analysis, double index, Map<String, Double> categories,
            Optional<CommitScore> parent) {
        List<String> parts = new ArrayList<>();
        parts.addAll(findingParts(analysis.newFindings(), analysis.newFindingsCount(), "new"));
        parts.addAll(findingParts(analysis.fixedFindings(), analysis.fixedFindingsCount(), "fixed"));
        parent.ifPresent(p -> {
            if (p.testLinesOfCode() > 0 && analysis.testLinesOfCode() == 0) {
                parts.add("test files removed");
            } else if (analysis.testLinesOfCode() < p.testLinesOfCode()) {
                parts.add("test code shrank by " + (p.testLinesOfCode() - analysis.testLinesOfCode()) + " lines");
            }
        });
        if (parts.isEmpty() && parent.isPresent()) {
            parts.addAll(categoryParts(categories, parent.get().categoryScores()));
        }
        String head = parent.map(p -> signed(index - p.index())).orElse("first score " + format(index));
        if (parts.isEmpty()) {
            return head + (parent.isPresent() ? ": no finding changed" : "");
        }
        List<String> shown = parts.size() > MAX_PARTS ? parts.subList(0, MAX_PARTS) : parts;
        String tail = parts.size() > MAX_PARTS ? " and " + (parts.size() - MAX_PARTS) + " more changes" : "";
        return head + ": " + String.join(", ", shown) + tail;
    }

    private static List<String> findingParts(List<FindingSummary> findings, int total, String kind) {
        Map<String, List<FindingSummary>> byIndicator = new LinkedHashMap<>();
        for (FindingSummary f : findings) {
            byIndicator.computeIfAbsent(f.indicatorId(), k -> new ArrayList<>()).add(f);
        }
        List<String> parts = new ArrayList<>();
        byIndicator.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, List<FindingSummary>> e) -> -e.getValue().size()))
                .forEach(e -> parts.add(e.getValue().size() + " " + kind + " " + label(e.getKey(), e.getValue().size())
                        + location(e.getValue())));
        int listed = findings.size();
        if (total > listed) {
            parts.add((total - listed) + " more " + kind + " findings");
        }
        return parts;
    }

    private static List<String> categoryParts(Map<String, Double> now, Map<String, Double> before) {
        List<String> parts = new ArrayList<>();
        now.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0.0)))
                .filter(e -> Math.abs(e.getValue()) >= 0.05)
                .sorted(Comparator.comparingDouble((Map.Entry<String, Double> e) -> -Math.abs(e.getValue())))
                .limit(2)
                .forEach(e -> parts.add(e.getKey() + " " + signed(e.getValue())));
        return parts;
    }

    /**
     * An indicator id as people read it: "satd.todo" reads as its tag in capitals,
     * "error-handling.empty-catch" reads "empty catch".
     */
    static String label(String indicatorId, int count) {
        String last = indicatorId.substring(indicatorId.lastIndexOf('.') + 1).replace('-', ' ');
        String base = indicatorId.startsWith("satd.") ? last.toUpperCase(Locale.ROOT) : last;
        return count == 1 ? base : base + "s";
    }

    /** The one file (by class name) or the shared folder of the findings, or nothing when they are spread out. */
    static String location(List<FindingSummary> findings) {
        String first = findings.get(0).path();
        if (first == null || first.isBlank()) {
            return "";
        }
        if (findings.stream().allMatch(f -> first.equals(f.path()))) {
            String file = first.substring(first.lastIndexOf('/') + 1);
            int dot = file.lastIndexOf('.');
            return " in " + (dot > 0 ? file.substring(0, dot) : file);
        }
        String prefix = first.contains("/") ? first.substring(0, first.lastIndexOf('/') + 1) : "";
        for (FindingSummary f : findings) {
            while (!prefix.isEmpty() && (f.path() == null || !f.path().startsWith(prefix))) {
                String trimmed = prefix.substring(0, prefix.length() - 1);
                prefix = trimmed.contains("/") ? trimmed.substring(0, trimmed.lastIndexOf('/') + 1) : "";
            }
        }
        return prefix.isEmpty() ? "" : " in " + prefix;
    }

    private static String signed(double delta) {
        return (delta >= 0 ? "+" : "") + format(delta);
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
