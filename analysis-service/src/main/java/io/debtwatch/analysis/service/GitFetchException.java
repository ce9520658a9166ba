package io.debtwatch.analysis.service;

/** Fetching missing objects from a repository's URL failed; transient, so the analysis is retried. */
public class GitFetchException extends AnalysisFailedException {

    /**
     * @param message what failed
     * @param cause   the underlying error
     */
    public GitFetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
