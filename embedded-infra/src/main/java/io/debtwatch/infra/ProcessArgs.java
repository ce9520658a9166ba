package io.debtwatch.infra;

import java.util.HashMap;
import java.util.Map;

/** The {@code --name value} options of the infrastructure processes. */
public final class ProcessArgs {

    private final Map<String, String> values;

    private ProcessArgs(Map<String, String> values) {
        this.values = values;
    }

    /**
     * @param args the command line
     * @return its options
     * @throws IllegalArgumentException when an option has no value
     */
    public static ProcessArgs parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            values.put(args[i].substring(2), args[++i]);
        }
        return new ProcessArgs(values);
    }

    /**
     * @param name the option name without dashes
     * @return its value
     * @throws IllegalArgumentException when it is missing
     */
    public String required(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    /**
     * @param name     the option name without dashes
     * @param fallback the value when it is missing
     * @return its value as a number
     */
    public int intValue(String name, int fallback) {
        String value = values.get(name);
        return value == null ? fallback : Integer.parseInt(value);
    }
}
