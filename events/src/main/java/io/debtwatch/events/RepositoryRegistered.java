package io.debtwatch.events;

import java.time.Instant;

/**
 * A repository was registered for watching. Published to {@link Topics#REPOSITORIES}.
 *
 * @param eventId       {@code repoId:registered}
 * @param repoId        the repository id
 * @param org           the organisation that owns it
 * @param team          the team it belongs to, may be null
 * @param name          a display name
 * @param url           the clone URL, never with credentials
 * @param defaultBranch the branch that is watched and scored
 * @param registeredAt  when it was registered
 */
public record RepositoryRegistered(
        String eventId,
        String repoId,
        String org,
        String team,
        String name,
        String url,
        String defaultBranch,
        Instant registeredAt) {

    /**
     * Builds the event with its deterministic id.
     *
     * @param repoId        the repository id
     * @param org           the organisation
     * @param team          the team, may be null
     * @param name          the display name
     * @param url           the clone URL without credentials
     * @param defaultBranch the watched branch
     * @param registeredAt  when it was registered
     * @return the event
     */
    public static RepositoryRegistered of(String repoId, String org, String team, String name, String url,
            String defaultBranch, Instant registeredAt) {
        return new RepositoryRegistered(EventIds.repositoryRegistered(repoId), repoId, org, team, name, url,
                defaultBranch, registeredAt);
    }
}
