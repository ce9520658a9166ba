package io.debtwatch.events;

import java.time.Instant;

/**
 * A repository is no longer watched. Published to {@link Topics#REPOSITORIES}.
 *
 * @param eventId   {@code repoId:deleted}
 * @param repoId    the repository id
 * @param org       the organisation that owned it
 * @param purge     whether its recorded history must be removed too
 * @param deletedAt when it was deleted
 */
public record RepositoryDeleted(String eventId, String repoId, String org, boolean purge, Instant deletedAt) {

    /**
     * Builds the event with its deterministic id.
     *
     * @param repoId    the repository id
     * @param org       the organisation
     * @param purge     whether recorded history goes too
     * @param deletedAt when it was deleted
     * @return the event
     */
    public static RepositoryDeleted of(String repoId, String org, boolean purge, Instant deletedAt) {
        return new RepositoryDeleted(EventIds.repositoryDeleted(repoId), repoId, org, purge, deletedAt);
    }
}
