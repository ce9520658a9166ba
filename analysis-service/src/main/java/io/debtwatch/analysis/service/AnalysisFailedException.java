package io.debtwatch.analysis.service;

/** A commit could not be analysed (its objects cannot be fetched or read); the message goes to the dead-letter topic. */
public class AnalysisFailedException extends RuntimeException {

    /**
     * @param message what failed
     * @param cause   the underlying error, may be null
     */
    public AnalysisFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
