package io.debtwatch.scoring.rest;

import io.debtwatch.events.FindingSummary;
import io.debtwatch.scoring.service.FindingsService.FindingsPage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Writes a page of findings as a SARIF 2.1.0 log, so code-scanning tools can show them. */
final class SarifWriter {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private SarifWriter() {
    }

    static Map<String, Object> write(FindingsPage page) {
        Map<String, Object> rules = new TreeMap<>();
        List<Object> results = new ArrayList<>();
        for (FindingSummary f : page.findings()) {
            rules.putIfAbsent(f.indicatorId(), Map.of("id", f.indicatorId(),
                    "shortDescription", Map.of("text", f.indicatorId()),
                    "properties", Map.of("category", f.category())));
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("ruleId", f.indicatorId());
            result.put("level", level(f.severity()));
            result.put("message", Map.of("text", f.message() == null ? f.indicatorId() : f.message()));
            Map<String, Object> physical = new LinkedHashMap<>();
            physical.put("artifactLocation", Map.of("uri", f.path() == null ? "." : f.path()));
            if (f.line() > 0) {
                physical.put("region", Map.of("startLine", f.line()));
            }
            result.put("locations", List.of(Map.of("physicalLocation", physical)));
            if (f.fingerprint() != null) {
                result.put("partialFingerprints", Map.of("debtwatch/v1", f.fingerprint()));
            }
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("category", f.category());
            properties.put("severity", f.severity());
            properties.put("remediationMinutes", f.remediationMinutes());
            if (f.debtSince() != null) {
                properties.put("debtSince", f.debtSince().toString());
            }
            result.put("properties", properties);
            results.add(result);
        }
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "DebtWatch");
        driver.put("version", page.score().analyzerVersion());
        driver.put("informationUri", "https://github.com/debtwatch/debtwatch");
        driver.put("rules", new ArrayList<>(rules.values()));
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("versionControlProvenance", List.of(Map.of("repositoryUri", "debtwatch:" + page.score().repoId(),
                "revisionId", page.score().sha())));
        run.put("results", results);
        run.put("properties", Map.of("page", page.page(), "size", page.size(), "total", page.total()));
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        log.put("runs", List.of(run));
        return log;
    }

    private static String level(String severity) {
        return switch (severity == null ? "" : severity) {
            case "critical", "major" -> "error";
            case "minor" -> "warning";
            default -> "note";
        };
    }
}
