package io.debtwatch.analysis.service;

import io.debtwatch.analyzer.Finding;
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
 */
public record Snapshot(String repoId, String org, String sha, String settingsKey, String settingsProblem,
        Map<String, String> files, Totals totals, Map<String, Boolean> checks, List<Finding> repositoryFindings) {

    /**
     * @param path a file of this snapshot
     * @return the key of the file's stored result
     */
    public String resultKey(String path) {
        return BlobResults.key(settingsKey, files.get(path), path);
    }
}
