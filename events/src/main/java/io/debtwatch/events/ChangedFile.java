package io.debtwatch.events;

/**
 * One file a commit changed against its first parent.
 *
 * @param path       the path after the change (the old path for a deletion)
 * @param oldPath    the path before the change, null for an addition
 * @param changeType what happened to the file
 * @param blobId     the blob id after the change, null for a deletion
 */
public record ChangedFile(String path, String oldPath, ChangeType changeType, String blobId) {

    /** What a commit did to one file. */
    public enum ChangeType {
        ADD, MODIFY, DELETE, RENAME, COPY
    }
}
