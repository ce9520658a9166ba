package io.debtwatch.analyzer;

import java.util.List;
import java.util.Map;

/**
 * Repository-level checks of one snapshot.
 *
 * @param checks   each check by name, true when the repository passes it
 * @param findings one finding per failed check
 */
public record RepositoryAnalysis(Map<String, Boolean> checks, List<Finding> findings) {

    public RepositoryAnalysis {
        checks = Map.copyOf(checks);
        findings = List.copyOf(findings);
    }
}
