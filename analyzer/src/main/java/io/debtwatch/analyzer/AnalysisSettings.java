package io.debtwatch.analyzer;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How one repository tunes the analysis: excluded paths and disabled indicators, from a
 * {@code .debtwatch.yml} at its root.
 */
public final class AnalysisSettings {

    /** Files larger than this are skipped. */
    public static final int MAX_FILE_BYTES = 1024 * 1024;

    private final List<PathMatcher> excluded;
    private final Set<String> disabled;

    private AnalysisSettings(List<String> excludedGlobs, Set<String> disabled) {
        List<PathMatcher> matchers = new ArrayList<>();
        for (String glob : excludedGlobs) {
            matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
        }
        this.excluded = List.copyOf(matchers);
        this.disabled = Set.copyOf(disabled);
    }

    /**
     * @return the settings of a repository without a {@code .debtwatch.yml}
     */
    public static AnalysisSettings defaults() {
        return new AnalysisSettings(List.of(), Set.of());
    }

    /**
     * Reads {@code exclude:} (a list of globs) and {@code disable:} (a list of indicator ids).
     *
     * @param yaml the file's text
     * @return the settings
     * @throws SettingsException naming the key and the line of what cannot be used
     */
    public static AnalysisSettings parse(String yaml) throws SettingsException {
        List<String> exclude = new ArrayList<>();
        List<String> disable = new ArrayList<>();
        List<String> current = null;
        String[] lines = yaml.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = stripComment(lines[i]);
            if (line.isBlank()) {
                continue;
            }
            int number = i + 1;
            if (!Character.isWhitespace(line.charAt(0)) && !line.startsWith("-")) {
                String key = line.contains(":") ? line.substring(0, line.indexOf(':')).trim() : line.trim();
                current = switch (key) {
                    case "exclude" -> exclude;
                    case "disable" -> disable;
                    default -> throw new SettingsException(".debtwatch.yml line " + number + ": unknown key '" + key
                            + "' (known: exclude, disable)");
                };
                String rest = line.substring(line.indexOf(':') + 1).trim();
                if (!rest.isEmpty() && !rest.equals("[]")) {
                    throw new SettingsException(".debtwatch.yml line " + number + ": '" + key
                            + "' must be a list, one '- item' per line");
                }
            } else if (line.trim().startsWith("- ") && current != null) {
                current.add(unquote(line.trim().substring(2).trim()));
            } else {
                throw new SettingsException(".debtwatch.yml line " + number + ": expected '- item' under a key");
            }
        }
        for (String id : disable) {
            if (!Catalogue.all().containsKey(id)) {
                throw new SettingsException(".debtwatch.yml key 'disable': unknown indicator '" + id + "'");
            }
        }
        return new AnalysisSettings(exclude, Set.copyOf(disable));
    }

    /**
     * @param path repository-relative path
     * @return whether the repository excluded it
     */
    public boolean excluded(String path) {
        Path p = Path.of(path);
        return excluded.stream().anyMatch(m -> m.matches(p));
    }

    /**
     * @param indicatorId an indicator
     * @return whether the repository turned it off
     */
    public boolean enabled(String indicatorId) {
        return !disabled.contains(indicatorId);
    }

    private static String stripComment(String line) {
        int hash = line.indexOf(" #");
        String stripped = line.startsWith("#") ? "" : hash >= 0 ? line.substring(0, hash) : line;
        return stripped.stripTrailing();
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
