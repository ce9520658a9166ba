package io.debtwatch.ingest.service.git;

import org.eclipse.jgit.lib.ObjectId;

/**
 * The outcome of one fetch into a mirror.
 *
 * @param tip       the watched branch's commit, null when the branch does not exist
 * @param empty     whether the remote has no branches at all
 * @param sizeBytes the mirror's size on disk after the fetch
 */
public record FetchResult(ObjectId tip, boolean empty, long sizeBytes) {
}
