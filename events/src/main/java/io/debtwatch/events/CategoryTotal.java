package io.debtwatch.events;

/**
 * The findings of one category in a commit's snapshot.
 *
 * @param count              findings in production code
 * @param remediationMinutes summed remediation minutes
 */
public record CategoryTotal(int count, long remediationMinutes) {
}
