package io.debtwatch.cli.scan;

import io.debtwatch.analyzer.Analyzer;
import io.debtwatch.analyzer.FileAnalysis;
import io.debtwatch.analyzer.Finding;
import io.debtwatch.analyzer.scan.ScanResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The full scan result as a JSON-ready tree: score, checks, findings (production and test apart), skipped files. */
final class JsonReport {
    private JsonReport() {
    }

    static Map<String, Object> of(ScanResult result, String root, String revision) {
        List<Finding> production = new ArrayList<>();
        List<Finding> test = new ArrayList<>();
        List<Map<String, String>> skipped = new ArrayList<>();
        long testLines = 0;
        for (FileAnalysis f : result.files()) {
            if (f.skippedReason() != null) {
                skipped.add(Map.of("path", f.path(), "reason", f.skippedReason()));
                continue;
            }
            if (f.testCode()) {
                testLines += f.codeLines();
            }
            for (Finding finding : f.findings()) {
                (finding.testCode() ? test : production).add(finding);
            }
        }
        production.addAll(result.repository().findings());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("analyzerVersion", Analyzer.VERSION);
        m.put("root", root);
        m.put("revision", revision);
        m.put("score", result.score());
        m.put("files", result.files().size());
        m.put("linesOfCode", result.linesOfCode() - testLines);
        m.put("testLinesOfCode", testLines);
        m.put("repositoryChecks", result.repository().checks());
        m.put("findings", production);
        m.put("testFindings", test);
        m.put("skipped", skipped);
        m.put("problems", result.problems());
        return m;
    }
}
