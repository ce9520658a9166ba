package io.debtwatch.analyzer.score;

/** How often one indicator fired in production code and the remediation time of those findings. */
public record IndicatorCount(String category, int count, long remediationMinutes) {
}
