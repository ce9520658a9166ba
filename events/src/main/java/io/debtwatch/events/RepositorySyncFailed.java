package io.debtwatch.events;

import java.time.Instant;

/**
 * A watched repository stopped syncing: the first failure after a success (not every retry), so a
 * subscriber hears once per outage. Published to {@link Topics#SCORE_EVENTS}, where webhooks listen,
 * keyed by repoId.
 *
 * @param eventId             {@code repoId:sync-failed:<epoch millis of the first failure>}
 * @param repoId              the repository id
 * @param org                 the organisation
 * @param team                the team, may be null
 * @param url                 the clone URL, never with credentials
 * @param error               what failed, for people
 * @param consecutiveFailures failures in a row so far
 * @param failedAt            when the sync failed
 */
public record RepositorySyncFailed(String eventId, String repoId, String org, String team, String url, String error,
        int consecutiveFailures, Instant failedAt) {

    /**
     * Builds the event with its deterministic id.
     *
     * @param repoId   the repository id
     * @param org      the organisation
     * @param team     the team
     * @param url      the clone URL without credentials
     * @param error    what failed
     * @param failures failures in a row so far
     * @param failedAt when the sync failed
     * @return the event
     */
    public static RepositorySyncFailed of(String repoId, String org, String team, String url, String error,
            int failures, Instant failedAt) {
        return new RepositorySyncFailed(EventIds.syncFailed(repoId, failedAt), repoId, org, team, url, error, failures,
                failedAt);
    }
}
