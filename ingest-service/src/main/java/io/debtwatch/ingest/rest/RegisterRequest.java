package io.debtwatch.ingest.rest;

/**
 * Body of {@code POST /api/v1/orgs/{org}/repositories}.
 *
 * @param url                 https://, ssh:// or git@host:path (local paths where allowed)
 * @param team                the owning team
 * @param name                a display name, defaults to the URL's last segment
 * @param defaultBranch       the watched branch, defaults to the remote's HEAD
 * @param pollIntervalSeconds how often to poll
 * @param backfill            how much history to analyse, default {@code last} 50
 * @param accessToken         a token for a private https repository, stored encrypted, never returned
 * @param sshPrivateKey       an unencrypted private key (OpenSSH or PEM text) for an SSH repository, stored
 *                            encrypted, never returned
 * @param hookSecret          the push-hook secret, stored encrypted, never returned
 */
public record RegisterRequest(String url, String team, String name, String defaultBranch,
        Integer pollIntervalSeconds, BackfillRequest backfill, String accessToken, String sshPrivateKey, String hookSecret) {
}
