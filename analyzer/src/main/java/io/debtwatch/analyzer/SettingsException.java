package io.debtwatch.analyzer;

/** A {@code .debtwatch.yml} that cannot be used; the message names the key and the line. */
public class SettingsException extends Exception {

    /**
     * @param message what is wrong and where
     */
    public SettingsException(String message) {
        super(message);
    }
}
