package io.debtwatch.ingest.service.git;

import io.debtwatch.events.ChangedFile;
import java.time.Instant;
import java.util.List;

/**
 * What one commit holds, read from a mirror.
 *
 * @param sha          the commit id
 * @param parents      parent ids, first parent first
 * @param authorName   the author
 * @param committedAt  the committer time
 * @param message      the full message
 * @param changedFiles files changed against the first parent, bounded
 * @param overflow     whether more files changed than listed
 * @param depth        the first-parent depth (root is 1)
 */
public record CommitFacts(String sha, List<String> parents, String authorName, Instant committedAt, String message,
        List<ChangedFile> changedFiles, boolean overflow, long depth) {
}
