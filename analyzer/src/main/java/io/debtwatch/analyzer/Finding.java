package io.debtwatch.analyzer;

/** One occurrence of an indicator: line numbers 1-based (0 for repository-level findings); snippet is
 *  redacted (never a secret's value); fingerprint is stable when lines move (indicator, path,
 *  normalised snippet, occurrence). */
public record Finding(String indicatorId, String category, String severity, String path,
        int startLine, int endLine, String message, int remediationMinutes, String snippet,
        String fingerprint, boolean testCode) {
}
