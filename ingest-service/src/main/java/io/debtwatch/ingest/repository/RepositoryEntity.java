package io.debtwatch.ingest.repository;

import java.time.Instant;

/**
 * A registered repository as stored in {@code repositories}.
 *
 * @param id                  24 hex characters
 * @param org                 the owning organisation
 * @param team                the team
 * @param name                a display name
 * @param url                 the fetch URL, without credentials
 * @param urlKey              the normalised URL, unique per org
 * @param local               whether it is a local path or file:// URL
 * @param host                the remote host, null when local
 * @param defaultBranch       the watched branch
 * @param pollIntervalSeconds how often it is polled
 * @param createdAt           when it was registered
 * @param sealedToken         the access token, encrypted, may be null
 * @param sealedHookSecret    the push-hook secret, encrypted, may be null
 * @param sealedSshKey        the SSH private key of an SSH remote, encrypted, may be null
 * @param sync                where watching stands
 * @param backfill            history backfill progress
 */
public record RepositoryEntity(String id, String org, String team, String name, String url, String urlKey,
        boolean local, String host, String defaultBranch, int pollIntervalSeconds, Instant createdAt,
        String sealedToken, String sealedHookSecret, String sealedSshKey, SyncState sync, BackfillState backfill) {
}
