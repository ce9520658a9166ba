package io.debtwatch.ingest.rest;

/**
 * The body of {@code POST /api/v1/orgs/{org}/repositories}.
 *
 * @param url                 https://, ssh:// or git@ URL; a local path or file:// URL where allowed
 * @param team                the owning team
 * @param name                display name; the URL's last segment when absent
 * @param defaultBranch       the branch to watch; the remote's default when absent
 * @param pollIntervalSeconds how often to poll, 30 to 86400
 * @param backfill            how much history to analyse on registration
 */
public record RegisterRepositoryRequest(String url, String team, String name, String defaultBranch,
        Integer pollIntervalSeconds, BackfillRequest backfill) {

    /**
     * @param policy {@code none}, {@code last}, {@code daily} or {@code all}
     * @param count  commits for {@code last}
     */
    public record BackfillRequest(String policy, Integer count) {
    }
}
