package io.debtwatch.cli.up;

/** The local platform could not start; the message says which part and shows the end of its log. */
public class PlatformException extends RuntimeException {

    /**
     * @param message what went wrong, for people
     */
    public PlatformException(String message) {
        super(message);
    }
}
