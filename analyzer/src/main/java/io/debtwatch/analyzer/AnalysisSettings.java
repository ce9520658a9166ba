package io.debtwatch.analyzer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Per-repository tuning: defaults, or parsed from a .debtwatch.yml (excluded paths, disabled
 *  indicators, thresholds); invalid YAML throws SettingsException naming the key and the line. */
public final class AnalysisSettings {

    /** Threshold names and their defaults; documented in docs/indicators.md. */
    public static final Map<String, Integer> DEFAULT_THRESHOLDS = defaultThresholds();

    private final List<Pattern> excludes;
    private final List<String> excludeGlobs;
    private final Set<String> disabled;
    private final Map<String, Integer> thresholds;

    private AnalysisSettings(List<String> excludeGlobs, Set<String> disabled, Map<String, Integer> thresholds) {
        this.excludeGlobs = List.copyOf(excludeGlobs);
        this.excludes = excludeGlobs.stream().map(AnalysisSettings::globToPattern).toList();
        this.disabled = Set.copyOf(disabled);
        this.thresholds = Map.copyOf(thresholds);
    }

    public static AnalysisSettings defaults() {
        return new AnalysisSettings(List.of(), Set.of(), DEFAULT_THRESHOLDS);
    }

    public static AnalysisSettings parse(String yaml) throws SettingsException {
        SettingsYaml.Parsed parsed = SettingsYaml.parse(yaml == null ? "" : yaml);
        Map<String, Integer> thresholds = new LinkedHashMap<>(DEFAULT_THRESHOLDS);
        thresholds.putAll(parsed.thresholds());
        return new AnalysisSettings(parsed.excludes(), new TreeSet<>(parsed.disabled()), thresholds);
    }

    /** True when the repository-relative path matches an exclude glob of the settings. */
    public boolean excluded(String path) {
        String p = path.replace('\\', '/');
        for (Pattern pattern : excludes) {
            if (pattern.matcher(p).matches()) {
                return true;
            }
        }
        return false;
    }

    /** True unless the settings disable the indicator. */
    public boolean enabled(String indicatorId) {
        return !disabled.contains(indicatorId);
    }

    public int threshold(String name) {
        Integer value = thresholds.get(name);
        if (value == null) {
            throw new IllegalArgumentException("unknown threshold " + name);
        }
        return value;
    }

    public List<String> excludeGlobs() {
        return excludeGlobs;
    }

    public Set<String> disabled() {
        return disabled;
    }

    /** Glob to regex: "**" any depth, "*" within a segment, "?" one character; a trailing "/"
     *  (or a bare directory name) matches everything below it. */
    static Pattern globToPattern(String glob) {
        String g = glob.startsWith("/") ? glob.substring(1) : glob;
        if (g.endsWith("/")) {
            g = g + "**";
        }
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            if (c == '*' && i + 1 < g.length() && g.charAt(i + 1) == '*') {
                re.append(".*");
                i++;
                if (i + 1 < g.length() && g.charAt(i + 1) == '/') {
                    i++;
                    re.append("/?");
                }
            } else if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        re.append("(/.*)?");
        return Pattern.compile(re.toString());
    }

    private static Map<String, Integer> defaultThresholds() {
        Map<String, Integer> t = new LinkedHashMap<>();
        t.put("function-lines", 60);
        t.put("file-lines", 800);
        t.put("nesting-depth", 4);
        t.put("complexity", 15);
        t.put("parameters", 6);
        t.put("commented-code-lines", 5);
        t.put("max-file-bytes", 1_000_000);
        t.put("min-test-ratio-percent", 20);
        return java.util.Collections.unmodifiableMap(t);
    }

    /** Names of all thresholds, for error messages. */
    static String thresholdNames() {
        return String.join(", ", new ArrayList<>(DEFAULT_THRESHOLDS.keySet()));
    }
}
