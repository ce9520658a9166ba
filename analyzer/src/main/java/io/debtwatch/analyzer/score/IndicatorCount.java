package io.debtwatch.analyzer.score;

/**
 * The production-code findings of one indicator in a snapshot.
 *
 * @param category           the indicator's category
 * @param count              how many findings
 * @param remediationMinutes their summed remediation minutes
 */
public record IndicatorCount(String category, int count, long remediationMinutes) {
}
