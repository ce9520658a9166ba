package io.debtwatch.ingest.service.git;

import org.eclipse.jgit.lib.ObjectId;

/**
 * One commit of a first-parent walk.
 *
 * @param id          the commit
 * @param commitTime  its committer time, epoch seconds
 * @param firstParent its first parent, null at the root
 */
public record ChainStep(ObjectId id, long commitTime, ObjectId firstParent) {
}
