package io.debtwatch.events;

/** A message could not be read as the event it claims to be; consumers send it to the dead-letter topic. */
public class EventFormatException extends RuntimeException {

    /**
     * @param message what was wrong with the message
     * @param cause   the parser's error
     */
    public EventFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
