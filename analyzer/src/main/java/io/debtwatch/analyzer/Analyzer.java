package io.debtwatch.analyzer;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The indicator engine: analyses one file at a time, a snapshot's repository-level checks, and a
 * commit message. Thread-safe and stateless; one instance per process is enough.
 */
public final class Analyzer {

    /** Bumped whenever a change alters results; part of every analysis eventId. */
    public static final String VERSION = "1.0.0";

    private static final Pattern SATD_TAG = Pattern.compile("\\b(TODO|FIXME|HACK|XXX|KLUDGE)\\b");
    private static final Pattern EMPTY_CATCH = Pattern.compile("catch\\s*\\([^)]*\\)\\s*\\{\\s*}");
    private static final Pattern PRINT = Pattern.compile(
            "\\bSystem\\.(out|err)\\.print|\\bconsole\\.(log|debug|info)\\s*\\(|^\\s*print\\s*\\(|\\bfmt\\.Print");
    private static final Pattern CONNECTION_STRING = Pattern.compile(
            "[\"'`](jdbc:[a-z0-9]+:|mongodb(\\+srv)?://|postgres(ql)?://|mysql://|redis://|amqps?://)[^\"'`]*[\"'`]");
    private static final Pattern CREDENTIAL = Pattern.compile(
            "(?i)\\b(password|passwd|pwd|secret|api_?key|access_?token|auth_?token)\\w*\\s*[:=]\\s*[\"']([^\"'\\s]{4,})[\"']");
    private static final Set<String> PLACEHOLDERS = Set.of("changeme", "xxx", "xxxx", "password", "secret", "test",
            "dummy", "example", "your-password", "your_password", "<password>", "none", "null");
    private static final Pattern IGNORE = Pattern.compile("debtwatch:ignore\\s+([a-z0-9.-]+)");
    private static final Set<String> LOGGING_IMPORTS = Set.of("org.slf4j", "org.apache.logging", "java.util.logging",
            "org.jboss.logging", "import logging", "from logging", "winston", "pino", "log/slog", "go.uber.org/zap",
            "logrus");

    private final AnalysisSettings settings;

    /**
     * @param settings the repository's tuning
     */
    public Analyzer(AnalysisSettings settings) {
        this.settings = settings;
    }

    /**
     * Never throws on bad content: binary, too large, vendored or not UTF-8 files come back skipped.
     *
     * @param path    repository-relative path
     * @param content the file's bytes
     * @return the file's analysis
     */
    public FileAnalysis analyzeFile(String path, byte[] content) {
        String skip = skipReason(path, content);
        if (skip != null) {
            return FileAnalysis.skipped(path, skip);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return FileAnalysis.skipped(path, "not UTF-8 text");
        }
        String language = Languages.of(path);
        boolean test = Languages.isTest(path);
        String[] lines = text.split("\r?\n", -1);
        List<Finding> findings = new ArrayList<>();
        Set<String> traits = new HashSet<>();
        int code = 0;
        String comment = Languages.lineComment(language);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            boolean commentOnly = comment != null && trimmed.startsWith(comment) || trimmed.startsWith("/*")
                    || trimmed.startsWith("*");
            if (!trimmed.isEmpty() && !commentOnly) {
                code++;
            }
            matchLine(path, language, test, lines, i, commentOnly, findings);
            String lower = line.toLowerCase(Locale.ROOT);
            if (LOGGING_IMPORTS.stream().anyMatch(lower::contains)) {
                traits.add("logging");
            }
        }
        if (Catalogue.EMPTY_CATCH.appliesTo(language)) {
            Matcher m = EMPTY_CATCH.matcher(text);
            while (m.find()) {
                int line = lineOf(text, m.start());
                add(findings, Catalogue.EMPTY_CATCH, path, line, lineOf(text, m.end()), "empty catch block", m.group(),
                        test, lines);
            }
        }
        return new FileAnalysis(path, language, code, test, null, traits, findings);
    }

    /**
     * @param files the per-file results of one snapshot
     * @return the repository-level checks
     */
    public RepositoryAnalysis analyzeRepository(Collection<FileAnalysis> files) {
        Map<String, Boolean> checks = new LinkedHashMap<>();
        checks.put("readme", files.stream().anyMatch(f -> f.path().toLowerCase(Locale.ROOT).startsWith("readme")));
        checks.put("tests", files.stream().anyMatch(FileAnalysis::testCode));
        checks.put("ci", files.stream().anyMatch(f -> f.path().startsWith(".github/workflows/")
                || f.path().equals(".gitlab-ci.yml") || f.path().equals("Jenkinsfile") || f.path().startsWith(".ci/")));
        checks.put("logging", files.stream().anyMatch(f -> f.traits().contains("logging")));
        List<Finding> findings = new ArrayList<>();
        checks.forEach((check, passed) -> {
            if (!passed) {
                String id = "readiness.no-" + check;
                findings.add(new Finding(id, "readiness", "major", "", 0, 0, "the repository has no " + check, 60,
                        "", Fingerprints.of(id, "", ""), false));
            }
        });
        return new RepositoryAnalysis(checks, findings);
    }

    /**
     * @param message a commit message
     * @return prototype markers found in it
     */
    public List<Finding> analyzeCommitMessage(String message) {
        String lower = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (lower.matches("(?s).*\\b(wip|quick hack|temp fix|poc)\\b.*")) {
            String id = "prototype.commit-message";
            return List.of(new Finding(id, "prototype", "info", "", 0, 0, "the commit message marks prototype work", 0,
                    message.lines().findFirst().orElse(""), Fingerprints.of(id, "", lower), false));
        }
        return List.of();
    }

    private void matchLine(String path, String language, boolean test, String[] lines, int i, boolean commentOnly,
            List<Finding> findings) {
        String line = lines[i];
        Matcher satd = SATD_TAG.matcher(line);
        if (satd.find() && (commentOnly || containsComment(line, language))) {
            add(findings, Catalogue.SATD_TAGGED, path, i + 1, i + 1, satd.group(1) + " comment", line.strip(), test,
                    lines);
        }
        if (commentOnly) {
            return;
        }
        if (Catalogue.PRINT.appliesTo(language) && PRINT.matcher(line).find()) {
            add(findings, Catalogue.PRINT, path, i + 1, i + 1, "prints to the console instead of logging",
                    line.strip(), test, lines);
        }
        Matcher connection = CONNECTION_STRING.matcher(line);
        if (Catalogue.CONNECTION_STRING.appliesTo(language) && connection.find()) {
            add(findings, Catalogue.CONNECTION_STRING, path, i + 1, i + 1, "hardcoded connection string",
                    connection.group(), test, lines);
        }
        Matcher credential = CREDENTIAL.matcher(line);
        if (credential.find() && !PLACEHOLDERS.contains(credential.group(2).toLowerCase(Locale.ROOT))
                && !credential.group(2).startsWith("${")) {
            String redacted = line.strip().replace(credential.group(2), redact(credential.group(2)));
            add(findings, Catalogue.HARDCODED_CREDENTIAL, path, i + 1, i + 1,
                    "credential '" + credential.group(1) + "' assigned a literal value", redacted, test, lines);
        }
    }

    private void add(List<Finding> findings, Indicator indicator, String path, int start, int end, String message,
            String snippet, boolean test, String[] lines) {
        if (!settings.enabled(indicator.id()) || ignoredInline(indicator.id(), lines, start)) {
            return;
        }
        findings.add(new Finding(indicator.id(), indicator.category(), indicator.severity(), path, start, end, message,
                indicator.remediationMinutes(), snippet, Fingerprints.of(indicator.id(), path, snippet), test));
    }

    private static boolean ignoredInline(String indicatorId, String[] lines, int line) {
        for (int i = Math.max(0, line - 2); i < line && i < lines.length; i++) {
            Matcher m = IGNORE.matcher(lines[i]);
            if (m.find() && m.group(1).equals(indicatorId)) {
                return true;
            }
        }
        return false;
    }

    private String skipReason(String path, byte[] content) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (settings.excluded(path)) {
            return "excluded by .debtwatch.yml";
        }
        if (lower.contains("node_modules/") || lower.startsWith("vendor/") || lower.contains("/vendor/")) {
            return "vendored";
        }
        if (lower.endsWith(".min.js") || lower.endsWith("package-lock.json") || lower.endsWith("yarn.lock")
                || lower.endsWith("go.sum")) {
            return "generated";
        }
        if (content.length > AnalysisSettings.MAX_FILE_BYTES) {
            return "larger than " + AnalysisSettings.MAX_FILE_BYTES + " bytes";
        }
        for (int i = 0; i < Math.min(content.length, 8000); i++) {
            if (content[i] == 0) {
                return "binary";
            }
        }
        return null;
    }

    private static boolean containsComment(String line, String language) {
        String marker = Languages.lineComment(language);
        return marker != null && line.contains(marker) || line.contains("/*");
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String redact(String secret) {
        return secret.length() <= 4 ? "****" : secret.substring(0, 2) + "****";
    }
}
