package io.debtwatch.ingest.service.git;

/** A mirror grew past the configured size limit: the sync deletes it and fails until the limit is raised. */
public class MirrorTooLargeException extends GitSyncException {

    public MirrorTooLargeException(String message) {
        super(message, null);
    }
}
