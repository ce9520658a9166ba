package io.debtwatch.analyzer;

import java.util.List;
import java.util.Map;

/** Repository-level checks (name to passed) and the findings they raise. */
public record RepositoryAnalysis(Map<String, Boolean> checks, List<Finding> findings) {
}
