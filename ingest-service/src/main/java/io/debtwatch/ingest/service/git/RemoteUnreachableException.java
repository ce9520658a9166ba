package io.debtwatch.ingest.service.git;

/** The remote could not be reached or refused us (network, authentication, missing repository, timeout). */
public class RemoteUnreachableException extends GitSyncException {

    public RemoteUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
