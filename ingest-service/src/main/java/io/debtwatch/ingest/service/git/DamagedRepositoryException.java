package io.debtwatch.ingest.service.git;

/** The mirror or the remote lacks objects the walk needs, or the mirror outgrew its size limit. */
public class DamagedRepositoryException extends GitSyncException {

    public DamagedRepositoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
