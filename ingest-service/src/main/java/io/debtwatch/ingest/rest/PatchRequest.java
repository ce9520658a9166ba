package io.debtwatch.ingest.rest;

/**
 * Body of {@code PATCH /api/v1/orgs/{org}/repositories/{repoId}}: only the fields present change.
 *
 * @param team                a new team
 * @param name                a new display name
 * @param defaultBranch       a new watched branch (must exist)
 * @param pollIntervalSeconds a new poll interval
 * @param accessToken         a new token; an empty string removes it
 * @param sshPrivateKey       a new SSH private key; an empty string removes it
 * @param hookSecret          a new hook secret; an empty string removes it
 */
public record PatchRequest(String team, String name, String defaultBranch, Integer pollIntervalSeconds,
        String accessToken, String sshPrivateKey, String hookSecret) {
}
