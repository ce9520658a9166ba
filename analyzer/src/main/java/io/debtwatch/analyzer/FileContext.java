package io.debtwatch.analyzer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The state of analysing one file: its bytes and line index, the settings, and the findings and
 *  traits collected so far. Not thread-safe; one per analyzeFile call. */
public final class FileContext {
    /** Indicators that test code normally triggers on purpose: not reported in tests at all. */
    private static final Set<String> QUIET_IN_TESTS = Set.of("observability.print", "config.connection-string",
            "config.localhost-url", "config.private-ip", "config.hardcoded-port", "security.credential-assignment",
            "security.high-entropy", "security.token", "performance.sleep-in-loop", "error-handling.process-exit",
            "structure.long-function", "structure.long-file", "structure.long-parameter-list");

    public final String path;
    public final String language;
    public final byte[] bytes;
    public final boolean testCode;
    public final AnalysisSettings settings;
    private final int[] lineStarts;
    private final List<Finding> findings = new ArrayList<>();
    private final Set<String> traits = new HashSet<>();
    private final Map<String, Integer> occurrences = new HashMap<>();

    FileContext(String path, String language, byte[] bytes, boolean testCode, AnalysisSettings settings) {
        this.path = path;
        this.language = language;
        this.bytes = bytes;
        this.testCode = testCode;
        this.settings = settings;
        this.lineStarts = lineStarts(bytes);
    }

    private static int[] lineStarts(byte[] bytes) {
        int n = 1;
        for (byte b : bytes) {
            if (b == '\n') {
                n++;
            }
        }
        int[] starts = new int[n];
        int k = 1;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                starts[k++] = i + 1;
            }
        }
        return starts;
    }

    /** Number of lines (a trailing newline does not start a new line). */
    public int lineCount() {
        int n = lineStarts.length;
        return n > 1 && lineStarts[n - 1] == bytes.length ? n - 1 : n;
    }

    /** Byte offset where a 1-based line starts. */
    public int lineStartByte(int line) {
        return lineStarts[Math.max(0, Math.min(line, lineStarts.length) - 1)];
    }

    /** The 1-based line holding a byte offset (an offset just after a line break is on the next line),
     *  as tree-sitter counts rows; found in the line index, so no call into the parser is needed. */
    public int lineAt(int byteOffset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= byteOffset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    /** Text of a 1-based line without its line break. */
    public String line(int line) {
        if (line < 1 || line > lineStarts.length) {
            return "";
        }
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] - 1 : bytes.length;
        if (end > start && bytes[end - 1] == '\r') {
            end--;
        }
        return new String(bytes, start, Math.max(0, end - start), StandardCharsets.UTF_8);
    }

    /** Text of a byte range. */
    public String text(int startByte, int endByte) {
        int s = Math.max(0, Math.min(startByte, bytes.length));
        int e = Math.max(s, Math.min(endByte, bytes.length));
        return new String(bytes, s, e - s, StandardCharsets.UTF_8);
    }

    public void trait(String trait) {
        traits.add(trait);
    }

    Set<String> traits() {
        return traits;
    }

    List<Finding> findings() {
        return findings;
    }

    /** Records a finding unless disabled, ignored inline, or quiet in test code. */
    public void report(String indicatorId, int startLine, int endLine, String message, String snippet) {
        if (!settings.enabled(indicatorId) || testCode && QUIET_IN_TESTS.contains(indicatorId)
                || ignoredInline(indicatorId, startLine)) {
            return;
        }
        Indicator indicator = Catalogue.get(indicatorId);
        String normalised = Fingerprints.normalise(snippet);
        String key = indicatorId + '\u0000' + normalised;
        int occurrence = occurrences.merge(key, 1, Integer::sum);
        findings.add(new Finding(indicatorId, indicator.category(), indicator.severity(), path, startLine,
                Math.max(startLine, endLine), message, indicator.remediationMinutes(), Fingerprints.preview(snippet),
                Fingerprints.of(indicatorId, path, normalised, occurrence), testCode));
    }

    private boolean ignoredInline(String indicatorId, int line) {
        return Fingerprints.ignores(line(line), indicatorId) || line > 1 && Fingerprints.ignores(line(line - 1), indicatorId);
    }
}
