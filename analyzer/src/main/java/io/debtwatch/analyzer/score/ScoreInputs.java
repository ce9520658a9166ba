package io.debtwatch.analyzer.score;

import io.debtwatch.analyzer.FileAnalysis;
import io.debtwatch.analyzer.Finding;
import io.debtwatch.analyzer.RepositoryAnalysis;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Builds the score input of one snapshot from its analysis: production findings only. */
public final class ScoreInputs {
    private ScoreInputs() {
    }

    public static ScoreInput from(Collection<FileAnalysis> files, RepositoryAnalysis repository) {
        long code = 0;
        long test = 0;
        Map<String, int[]> counts = new HashMap<>();
        Map<String, String> categories = new HashMap<>();
        for (FileAnalysis f : files) {
            if (f.skippedReason() != null) {
                continue;
            }
            if (f.testCode()) {
                test += f.codeLines();
            } else {
                code += f.codeLines();
            }
            for (Finding finding : f.findings()) {
                add(counts, categories, finding);
            }
        }
        for (Finding finding : repository.findings()) {
            add(counts, categories, finding);
        }
        Map<String, IndicatorCount> indicators = new HashMap<>();
        counts.forEach((id, c) -> indicators.put(id, new IndicatorCount(categories.get(id), c[0], c[1])));
        return new ScoreInput(code, test, indicators, repository.checks());
    }

    private static void add(Map<String, int[]> counts, Map<String, String> categories, Finding finding) {
        if (finding.testCode()) {
            return;
        }
        int[] c = counts.computeIfAbsent(finding.indicatorId(), k -> new int[2]);
        c[0]++;
        c[1] += finding.remediationMinutes();
        categories.put(finding.indicatorId(), finding.category());
    }
}
