package io.debtwatch.scoring.service;

import io.debtwatch.events.CommitAnalyzed;
import io.debtwatch.events.FindingSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Explains a score change against the parent commit in one line a person reads, such as
 * "+6.0: 2 new TODO comments in api/, 1 empty catch block in OrderService.java; 1 fixed".
 */
final class ScoreExplainer {

    private static final int MOST_GROUPS = 3;

    private ScoreExplainer() {
    }

    static String explain(Double previousIndex, double index, CommitAnalyzed analysis) {
        String delta = previousIndex == null ? String.format(Locale.ROOT, "%.1f (first score)", index)
                : String.format(Locale.ROOT, "%+.1f", index - previousIndex);
        List<String> parts = new ArrayList<>();
        Map<String, Integer> groups = new LinkedHashMap<>();
        for (FindingSummary finding : analysis.newFindings()) {
            if (finding.remediationMinutes() > 0) {
                groups.merge(describe(finding), 1, Integer::sum);
            }
        }
        groups.entrySet().stream().limit(MOST_GROUPS)
                .forEach(e -> parts.add(e.getValue() + " new " + e.getKey()));
        if (groups.size() > MOST_GROUPS) {
            parts.add("and more");
        }
        String text = delta + (parts.isEmpty() ? ": no new findings" : ": " + String.join(", ", parts));
        if (analysis.fixedFindingsCount() > 0) {
            text += "; " + analysis.fixedFindingsCount() + " fixed";
        }
        return text;
    }

    private static String describe(FindingSummary finding) {
        String where = finding.path() == null || finding.path().isEmpty() ? "" : " in " + place(finding.path());
        return finding.message() + where;
    }

    private static String place(String path) {
        int slash = path.lastIndexOf('/');
        String file = path.substring(slash + 1);
        return file.contains(".") ? file : path;
    }
}
