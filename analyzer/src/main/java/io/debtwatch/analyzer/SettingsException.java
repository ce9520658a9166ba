package io.debtwatch.analyzer;

/** An invalid .debtwatch.yml: the message names the key and the 1-based line. */
public final class SettingsException extends Exception {
    private final String key;
    private final int line;

    public SettingsException(String key, int line, String problem) {
        super(".debtwatch.yml line " + line + ", key '" + key + "': " + problem);
        this.key = key;
        this.line = line;
    }

    public String key() {
        return key;
    }

    public int line() {
        return line;
    }
}
