package io.debtwatch.analysis.service;

import java.time.Instant;

/**
 * A re-analysis on request and how far it got.
 *
 * @param id              the job id
 * @param org             the organisation
 * @param scope           {@code latest} (newest commit of each repository) or {@code history} (every commit)
 * @param repoId          the one repository, or null for all of the org's
 * @param analyzerVersion the analyzer version the commits are analysed with
 * @param status          {@code running} or {@code done}
 * @param total           commits to analyse
 * @param done            commits analysed and published
 * @param failed          commits that could not be analysed
 * @param lastError       the last failure, or null
 * @param createdAt       when it was asked for
 * @param finishedAt      when it finished, or null
 */
public record ReanalysisJob(String id, String org, String scope, String repoId, String analyzerVersion, String status,
        long total, long done, long failed, String lastError, Instant createdAt, Instant finishedAt) {
}
