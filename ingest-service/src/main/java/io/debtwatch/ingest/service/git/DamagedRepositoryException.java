package io.debtwatch.ingest.service.git;

/** The mirror or the remote lacks objects the walk needs; the mirror is deleted and fetched again. */
public class DamagedRepositoryException extends GitSyncException {

    public DamagedRepositoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
