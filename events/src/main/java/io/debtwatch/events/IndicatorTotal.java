package io.debtwatch.events;

/**
 * How often one indicator matched in a commit's snapshot, and what fixing it would cost.
 *
 * @param category           the indicator's category
 * @param count              findings in production code
 * @param remediationMinutes summed remediation minutes of those findings
 */
public record IndicatorTotal(String category, int count, long remediationMinutes) {
}
