package io.debtwatch.ingest.service;

/** A Git operation on a watched repository failed: unreachable, refused, damaged or missing objects. */
public class GitAccessException extends Exception {

    /**
     * @param message what failed, for the repository's sync status (never contains credentials)
     * @param cause   the Git error
     */
    public GitAccessException(String message, Throwable cause) {
        super(message, cause);
    }
}
