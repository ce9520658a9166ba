package io.debtwatch.analyzer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The small YAML subset .debtwatch.yml uses (top-level keys, "- item" lists, "key: value" maps,
 *  inline "[a, b]" lists, # comments); every error names the key and the line. */
final class SettingsYaml {

    /** What a settings file says. */
    record Parsed(List<String> excludes, List<String> disabled, Map<String, Integer> thresholds) {
    }

    private SettingsYaml() {
    }

    static Parsed parse(String yaml) throws SettingsException {
        List<String> excludes = new ArrayList<>();
        List<String> disabled = new ArrayList<>();
        Map<String, Integer> thresholds = new LinkedHashMap<>();
        String section = null;
        int sectionLine = 0;
        String[] lines = yaml.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String raw = stripComment(lines[i]);
            if (raw.isBlank()) {
                continue;
            }
            if (raw.indexOf('\t') >= 0) {
                throw new SettingsException(section == null ? "(top level)" : section, lineNo, "tabs are not allowed for indentation");
            }
            boolean indented = Character.isWhitespace(raw.charAt(0));
            String text = raw.strip();
            if (!indented) {
                int colon = text.indexOf(':');
                if (colon <= 0) {
                    throw new SettingsException(text, lineNo, "expected 'key:'");
                }
                section = text.substring(0, colon).strip();
                sectionLine = lineNo;
                String inline = text.substring(colon + 1).strip();
                if (!List.of("exclude", "disable", "thresholds").contains(section)) {
                    throw new SettingsException(section, lineNo, "unknown key (expected exclude, disable or thresholds)");
                }
                if (!inline.isEmpty()) {
                    if (section.equals("thresholds") || !(inline.startsWith("[") && inline.endsWith("]"))) {
                        throw new SettingsException(section, lineNo, "expected a nested list or map below the key");
                    }
                    for (String item : inline.substring(1, inline.length() - 1).split(",")) {
                        if (!item.isBlank()) {
                            addItem(section, unquote(item.strip()), lineNo, excludes, disabled);
                        }
                    }
                }
                continue;
            }
            if (section == null) {
                throw new SettingsException("(top level)", lineNo, "indented line before any key");
            }
            if (section.equals("thresholds")) {
                int colon = text.indexOf(':');
                if (colon <= 0) {
                    throw new SettingsException("thresholds", lineNo, "expected 'name: number'");
                }
                String name = text.substring(0, colon).strip();
                String value = unquote(text.substring(colon + 1).strip());
                String key = "thresholds." + name;
                if (!AnalysisSettings.DEFAULT_THRESHOLDS.containsKey(name)) {
                    throw new SettingsException(key, lineNo, "unknown threshold (known: " + AnalysisSettings.thresholdNames() + ")");
                }
                try {
                    int n = Integer.parseInt(value);
                    if (n <= 0) {
                        throw new SettingsException(key, lineNo, "must be a positive integer, got " + value);
                    }
                    thresholds.put(name, n);
                } catch (NumberFormatException e) {
                    throw new SettingsException(key, lineNo, "must be a positive integer, got '" + value + "'");
                }
            } else {
                if (!text.startsWith("-")) {
                    throw new SettingsException(section, lineNo, "expected a list item '- value' (key on line " + sectionLine + ")");
                }
                String item = unquote(text.substring(1).strip());
                if (item.isEmpty()) {
                    throw new SettingsException(section, lineNo, "empty list item");
                }
                addItem(section, item, lineNo, excludes, disabled);
            }
        }
        return new Parsed(excludes, disabled, thresholds);
    }

    private static void addItem(String section, String item, int lineNo, List<String> excludes, List<String> disabled)
            throws SettingsException {
        if (section.equals("exclude")) {
            excludes.add(item);
        } else {
            if (Catalogue.find(item) == null) {
                throw new SettingsException("disable", lineNo, "unknown indicator '" + item + "'");
            }
            disabled.add(item);
        }
    }

    private static String stripComment(String line) {
        boolean quoted = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == quote) {
                    quoted = false;
                }
            } else if (c == '"' || c == '\'') {
                quoted = true;
                quote = c;
            } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
