package io.debtwatch.scoring.service;

/** A webhook URL that the SSRF guard refuses; the message says why, without internal details. */
public class RefusedUrlException extends RuntimeException {

    /**
     * @param message why the URL is refused
     */
    public RefusedUrlException(String message) {
        super(message);
    }
}
