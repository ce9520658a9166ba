package io.debtwatch.analyzer.report;

import io.debtwatch.analyzer.Analyzer;
import io.debtwatch.analyzer.Catalogue;
import io.debtwatch.analyzer.FileAnalysis;
import io.debtwatch.analyzer.Finding;
import io.debtwatch.analyzer.Indicator;
import io.debtwatch.analyzer.scan.ScanResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A scan as SARIF 2.1.0 (maps and lists ready for any JSON writer): one rule per catalogue entry,
 *  one result per finding, the fingerprint as a partial fingerprint. */
public final class SarifReport {
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private SarifReport() {
    }

    public static Map<String, Object> of(ScanResult scan) {
        List<Object> rules = new ArrayList<>();
        for (Indicator ind : Catalogue.ALL) {
            rules.add(map("id", ind.id(), "name", ind.id().replace('.', '/'),
                    "shortDescription", map("text", ind.title()),
                    "fullDescription", map("text", ind.rationale()),
                    "defaultConfiguration", map("level", level(ind.severity())),
                    "properties", map("category", ind.category(), "severity", ind.severity(),
                            "remediationMinutes", ind.remediationMinutes())));
        }
        List<Object> results = new ArrayList<>();
        for (FileAnalysis file : scan.files()) {
            for (Finding f : file.findings()) {
                results.add(result(f));
            }
        }
        for (Finding f : scan.repository().findings()) {
            results.add(result(f));
        }
        Map<String, Object> driver = map("name", "debtwatch", "version", Analyzer.VERSION,
                "informationUri", "https://github.com/debtwatch/debtwatch", "rules", rules);
        Map<String, Object> run = map("tool", map("driver", driver), "results", results,
                "properties", map("prototypeIndex", scan.score().index(), "grade", scan.score().grade()));
        return map("$schema", SCHEMA, "version", "2.1.0", "runs", List.of(run));
    }

    private static Map<String, Object> result(Finding f) {
        Map<String, Object> r = map("ruleId", f.indicatorId(), "level", level(f.severity()),
                "message", map("text", f.message()),
                "partialFingerprints", map("debtwatch/v1", f.fingerprint()),
                "properties", map("category", f.category(), "remediationMinutes", f.remediationMinutes(),
                        "testCode", f.testCode(), "snippet", f.snippet()));
        if (!f.path().isEmpty() && f.startLine() > 0) {
            r.put("locations", List.of(map("physicalLocation", map(
                    "artifactLocation", map("uri", f.path()),
                    "region", map("startLine", f.startLine(), "endLine", Math.max(f.startLine(), f.endLine()))))));
        }
        return r;
    }

    private static String level(String severity) {
        return switch (severity) {
            case "critical", "major" -> "error";
            case "minor" -> "warning";
            default -> "note";
        };
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
