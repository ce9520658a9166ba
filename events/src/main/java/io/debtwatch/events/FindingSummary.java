package io.debtwatch.events;

import java.time.Instant;

/**
 * A finding as it travels on Kafka: enough to explain and locate it, never a secret's value.
 *
 * @param fingerprint stable id of the finding across commits (indicator, path, normalised snippet)
 * @param indicatorId the indicator that matched, such as {@code satd.todo}
 * @param category    the indicator's category, such as {@code satd}
 * @param severity    {@code info}, {@code minor}, {@code major} or {@code critical}
 * @param path        the file, repository-relative
 * @param line        the first line of the finding, 0 for repository-level findings
 * @param message     what is wrong, for people
 * @param remediationMinutes estimated minutes to fix
 * @param debtSince   for self-admitted debt, when the comment was written (git blame on the first analysis
 *                    of a repository, then carried from commit to commit while it stays); null otherwise
 */
public record FindingSummary(
        String fingerprint,
        String indicatorId,
        String category,
        String severity,
        String path,
        int line,
        String message,
        int remediationMinutes,
        Instant debtSince) {
}
