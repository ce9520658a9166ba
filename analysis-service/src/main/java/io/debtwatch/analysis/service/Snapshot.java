package io.debtwatch.analysis.service;

import io.debtwatch.analyzer.Finding;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One commit's tree as the analysis sees it: which blob sits at each path, the file totals, and the
 * repository-level results. The findings themselves stay with their blob results, stored once per
 * blob, so a snapshot references them instead of copying them.
 *
 * @param repoId             the repository id
 * @param org                the organisation, checked on every read
 * @param sha                the commit id
 * @param settingsKey        blob id of the .debtwatch.yml in force, or {@code default}
 * @param settingsProblem    why that .debtwatch.yml could not be used, or null
 * @param files              path to blob id, regular files only
 * @param totals             the file totals
 * @param checks             repository-level checks by name
 * @param repositoryFindings one finding per failed repository-level check
 * @param debtSince          fingerprint of each self-admitted-debt finding to when it was written
 */
public record Snapshot(String repoId, String org, String sha, String settingsKey, String settingsProblem,
        Map<String, String> files, Totals totals, Map<String, Boolean> checks, List<Finding> repositoryFindings,
        Map<String, Instant> debtSince) {

    /** A snapshot stored before debt was dated reads as one with no dates. */
    public Snapshot {
        debtSince = debtSince == null ? Map.of() : debtSince;
    }

    /**
     * @param since fingerprint of each debt finding to when it was written
     * @return this snapshot with those dates
     */
    public Snapshot withDebtSince(Map<String, Instant> since) {
        return new Snapshot(repoId, org, sha, settingsKey, settingsProblem, files, totals, checks, repositoryFindings,
                Map.copyOf(since));
    }

    /**
     * @return what tells this snapshot from every other in one worker's memory: repository, commit and
     *         settings
     */
    public String memoryKey() {
        return repoId + ":" + sha + ":" + settingsKey;
    }

    /**
     * @param path a file of this snapshot
     * @return the key of the file's stored result
     */
    public String resultKey(String path) {
        return BlobResults.key(settingsKey, files.get(path), path);
    }
}
