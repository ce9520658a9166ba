package io.debtwatch.analyzer;

import io.debtwatch.analyzer.syntax.TreeWalker;
import io.debtwatch.analyzer.text.TextRules;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The analyzer: per-file indicators, repository-level checks and commit-message markers.
 *  Thread-safe; one instance per process is enough. */
public final class Analyzer {
    /** Bumped whenever a change alters results; part of every analysis eventId. */
    public static final String VERSION = "1.0.0";
    private static final Set<String> PROTOTYPE_DIRS = Set.of("poc", "pocs", "prototype", "prototypes", "demo", "demos",
            "scratch", "playground", "sandbox", "hack", "hacks", "spike", "spikes");
    private static final Pattern COMMIT_MARKERS = Pattern.compile(
            "(?i)(?<![\\w-])(wip|quick[ -]?hack|quick[ -]?fix|temp(orary)? fix|poc|proof of concept|prototype|hack|dirty fix"
            + "|do not merge|hackathon|fixup!)(?![\\w-])");
    private static final Comparator<Finding> ORDER = Comparator.comparingInt(Finding::startLine)
            .thenComparing(Finding::indicatorId);

    private final AnalysisSettings settings;

    public Analyzer(AnalysisSettings settings) {
        this.settings = settings;
    }

    public AnalysisSettings settings() {
        return settings;
    }

    /** Never throws on bad content: binary, too large, generated, vendored, invalid UTF-8 come back
     *  with skippedReason set and no findings. */
    public FileAnalysis analyzeFile(String path, byte[] content) {
        String p = path.replace('\\', '/');
        String language = Languages.of(p);
        String reason = SkipRules.reason(p, content, settings);
        if (reason != null) {
            return FileAnalysis.skipped(p, language, reason);
        }
        FileContext ctx = new FileContext(p, language, content, Languages.isTest(p), settings);
        int loc;
        try {
            prototypeMarkers(ctx);
            if (language.equals("notebook")) {
                loc = 0;
            } else if (Languages.TREE_LANGUAGES.contains(language)) {
                loc = TreeWalker.analyze(ctx);
            } else {
                loc = TextRules.analyze(ctx);
            }
            Traits.collect(ctx);
            pinned(ctx);
        } catch (RuntimeException e) {
            return FileAnalysis.skipped(p, language, "analysis-error: " + e);
        }
        List<Finding> findings = new ArrayList<>(ctx.findings());
        findings.sort(ORDER);
        return new FileAnalysis(p, language, loc, ctx.testCode, null, ctx.traits(), List.copyOf(findings));
    }

    /** Repository-level checks (readiness, tests ratio, logging library, health endpoint) over the
     *  per-file results of one snapshot. */
    public RepositoryAnalysis analyzeRepository(Collection<FileAnalysis> files) {
        return analyzeRepositoryFacts(files.stream().map(RepositoryChecks.FileFacts::of).toList());
    }

    /**
     * The repository-level checks from what each file tells them, for a caller that keeps
     * {@link RepositoryChecks.FileFacts} next to its file results instead of reading every file again.
     *
     * @param files the facts of every file of the snapshot
     * @return the checks and the findings they raise
     */
    public RepositoryAnalysis analyzeRepositoryFacts(Collection<RepositoryChecks.FileFacts> files) {
        return new RepositoryChecks(settings).run(files);
    }

    /** Commit-level checks: prototype markers in the message ("wip", "quick hack", "poc"...). */
    public List<Finding> analyzeCommitMessage(String message) {
        if (message == null || !settings.enabled("prototype.commit-message")) {
            return List.of();
        }
        String subject = message.lines().findFirst().orElse("");
        Matcher m = COMMIT_MARKERS.matcher(message);
        if (!m.find()) {
            return List.of();
        }
        Indicator ind = Catalogue.get("prototype.commit-message");
        String normalised = Fingerprints.normalise(subject);
        return List.of(new Finding(ind.id(), ind.category(), ind.severity(), "", 0, 0,
                "commit message says \"" + m.group() + "\"", ind.remediationMinutes(), Fingerprints.preview(subject),
                Fingerprints.of(ind.id(), "", normalised, 1), false));
    }

    private static void prototypeMarkers(FileContext ctx) {
        String[] segments = ctx.path.toLowerCase(Locale.ROOT).split("/");
        for (int i = 0; i < segments.length - 1; i++) {
            if (PROTOTYPE_DIRS.contains(segments[i])) {
                ctx.report("prototype.path", 1, 1, "file lives under " + segments[i] + "/", ctx.path);
                break;
            }
        }
        if (ctx.language.equals("notebook") && !ctx.path.matches("(?i)(.*/)?(docs?|notebooks?|examples?)/.*")) {
            ctx.report("prototype.notebook", 1, 1, "notebook in a source path", ctx.path);
        }
    }

    /** requirements*.txt where every requirement pins an exact version counts as pinned dependencies. */
    private static void pinned(FileContext ctx) {
        String name = Languages.fileName(ctx.path).toLowerCase(Locale.ROOT);
        if (name.startsWith("requirements") && name.endsWith(".txt")
                && new String(ctx.bytes, StandardCharsets.UTF_8).lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#") && !l.startsWith("-"))
                        .allMatch(l -> l.contains("=="))) {
            ctx.trait("pinned-dependencies");
        }
    }
}
