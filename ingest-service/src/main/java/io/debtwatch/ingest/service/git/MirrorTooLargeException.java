package io.debtwatch.ingest.service.git;

/** A mirror grew past the configured size limit; it is not walked until the limit is raised. */
public class MirrorTooLargeException extends GitSyncException {

    public MirrorTooLargeException(String message) {
        super(message, null);
    }
}
