package io.debtwatch.ingest.service.git;

/** Root of what can go wrong while mirroring or reading a repository; its message is shown as the sync's last error. */
public class GitSyncException extends Exception {

    public GitSyncException(String message, Throwable cause) {
        super(message, cause);
    }
}
