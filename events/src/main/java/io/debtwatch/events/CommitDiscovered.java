package io.debtwatch.events;

import java.time.Instant;
import java.util.List;

/**
 * Ingest found a commit to analyse. Published to {@link Topics#COMMITS}, keyed by repoId.
 *
 * @param eventId              {@code repoId:sha}
 * @param repoId               the repository id
 * @param org                  the organisation
 * @param team                 the team, may be null
 * @param repoUrl              where workers fetch missing objects from, never with credentials
 * @param branch               the branch the commit was found on
 * @param sha                  the full commit id
 * @param parents              parent commit ids, first parent first
 * @param authorName           the author's name
 * @param committedAt          the committer time
 * @param message              the full commit message
 * @param changedFiles         files changed against the first parent, bounded
 * @param changedFilesOverflow true when the commit changed more files than {@code changedFiles} holds
 * @param backfill             true when found by a history backfill rather than a new push
 * @param depth                the commit's position on the branch's first-parent chain (root is 1);
 *                             a larger depth is a newer commit in commit-graph order
 */
public record CommitDiscovered(
        String eventId,
        String repoId,
        String org,
        String team,
        String repoUrl,
        String branch,
        String sha,
        List<String> parents,
        String authorName,
        Instant committedAt,
        String message,
        List<ChangedFile> changedFiles,
        boolean changedFilesOverflow,
        boolean backfill,
        long depth) {

    public CommitDiscovered {
        parents = parents == null ? List.of() : List.copyOf(parents);
        changedFiles = changedFiles == null ? List.of() : List.copyOf(changedFiles);
    }

    /**
     * @return the first parent's id, or null for a root commit
     */
    public String firstParent() {
        return parents.isEmpty() ? null : parents.get(0);
    }
}
