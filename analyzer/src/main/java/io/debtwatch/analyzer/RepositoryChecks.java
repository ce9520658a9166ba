package io.debtwatch.analyzer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Repository-level checks over one snapshot: readiness (README, CI, build manifest, lockfile,
 *  external configuration, logging, tests), health endpoint, test ratio and untested modules. */
public final class RepositoryChecks {
    private static final Set<String> LOCKFILES = Set.of("package-lock.json", "yarn.lock", "pnpm-lock.yaml", "go.sum",
            "poetry.lock", "pipfile.lock", "cargo.lock", "gemfile.lock", "composer.lock", "gradle.lockfile", "uv.lock",
            "pom.xml", "go.mod");
    private static final Set<String> MANIFESTS = Set.of("dockerfile", "containerfile", "docker-compose.yml",
            "docker-compose.yaml", "compose.yaml", "pom.xml", "build.gradle", "build.gradle.kts", "package.json", "go.mod",
            "pyproject.toml", "setup.py", "makefile", "chart.yaml", "kustomization.yaml", "procfile", "serverless.yml",
            "app.yaml", "fly.toml", "netlify.toml", "vercel.json");
    private static final Set<String> CI_FILES = Set.of(".gitlab-ci.yml", "jenkinsfile", ".travis.yml",
            "azure-pipelines.yml", "bitbucket-pipelines.yml", ".drone.yml");
    private static final int MODULE_MIN_LINES = 50;
    /** Compiled once: the checks run over every file of every analysed commit. */
    private static final Pattern DEPLOY_MANIFEST = Pattern.compile("(?i)(k8s|kubernetes|deploy|helm|manifests)/.*\\.ya?ml");
    private static final Pattern CONFIG_FILE = Pattern.compile(
            "application(-\\w+)?\\.(properties|ya?ml)|\\.env\\.example|settings\\.py|config\\.(ya?ml|json|toml)");

    private final AnalysisSettings settings;
    private final Map<String, Boolean> checks = new LinkedHashMap<>();
    private final List<Finding> findings = new ArrayList<>();

    RepositoryChecks(AnalysisSettings settings) {
        this.settings = settings;
    }

    RepositoryAnalysis run(Collection<FileFacts> files) {
        Facts facts = new Facts();
        files.forEach(facts::add);
        check("readme", "readiness.readme", facts.has(FileFacts.README));
        check("ci", "readiness.ci", facts.has(FileFacts.CI));
        check("build-manifest", "readiness.build-manifest", facts.has(FileFacts.BUILD_MANIFEST));
        check("lockfile", "readiness.lockfile", facts.has(FileFacts.LOCKFILE));
        check("env-config", "readiness.env-config", facts.has(FileFacts.ENV_CONFIG));
        check("logging", "observability.no-logging", facts.has(FileFacts.LOGGING));
        check("health-endpoint", "observability.no-health-endpoint",
                !facts.has(FileFacts.HTTP_SERVER) || facts.has(FileFacts.HEALTH_ENDPOINT));
        check("tests", "tests.none", facts.test > 0);
        if (facts.test > 0 && facts.code > 0) {
            int min = settings.threshold("min-test-ratio-percent");
            boolean ok = facts.test * 100 >= facts.code * min;
            checks.put("test-ratio", ok);
            if (!ok) {
                add("tests.low-ratio", String.format(Locale.ROOT, "test lines are %.0f%% of code lines (minimum %d%%)",
                        100.0 * facts.test / facts.code, min), "ratio");
            }
            untestedModules(files);
        }
        // in the order the checks ran: Map.copyOf iterates in an order that changes from one JVM to the next, so
        // the same scan printed its checks differently each time
        return new RepositoryAnalysis(Collections.unmodifiableMap(new LinkedHashMap<>(checks)), List.copyOf(findings));
    }

    /**
     * What one file tells the checks, read once per file result: a caller that keeps these next to its
     * results runs the checks over a snapshot without reading every file's path and traits again.
     *
     * @param module    the file's top-level directory, or null for a file at the root
     * @param source    whether it is analysed source code (not skipped, not configuration, notebook or SQL)
     * @param test      whether it is test code
     * @param codeLines its lines of code
     * @param flags     the readiness facts it provides, a set of the constants below
     */
    public record FileFacts(String module, boolean source, boolean test, long codeLines, int flags) {
        static final int README = 1;
        static final int CI = 1 << 1;
        static final int BUILD_MANIFEST = 1 << 2;
        static final int LOCKFILE = 1 << 3;
        static final int ENV_CONFIG = 1 << 4;
        static final int LOGGING = 1 << 5;
        static final int HTTP_SERVER = 1 << 6;
        static final int HEALTH_ENDPOINT = 1 << 7;

        /**
         * @param f a file result
         * @return what it tells the repository checks
         */
        public static FileFacts of(FileAnalysis f) {
            String path = f.path();
            String name = Languages.fileName(path).toLowerCase(Locale.ROOT);
            Set<String> traits = f.traits();
            int flags = 0;
            flags |= !path.contains("/") && name.startsWith("readme") ? README : 0;
            flags |= path.startsWith(".github/workflows/") || path.startsWith(".circleci/")
                    || CI_FILES.contains(path.toLowerCase(Locale.ROOT)) ? CI : 0;
            flags |= MANIFESTS.contains(name) || DEPLOY_MANIFEST.matcher(path).matches() ? BUILD_MANIFEST : 0;
            flags |= LOCKFILES.contains(name) || traits.contains("pinned-dependencies") ? LOCKFILE : 0;
            flags |= traits.contains("env-config") || CONFIG_FILE.matcher(name).matches() ? ENV_CONFIG : 0;
            flags |= traits.contains("logging") ? LOGGING : 0;
            flags |= traits.contains("http-server") ? HTTP_SERVER : 0;
            flags |= traits.contains("health-endpoint") ? HEALTH_ENDPOINT : 0;
            int slash = path.indexOf('/');
            return new FileFacts(slash < 0 ? null : path.substring(0, slash), f.skippedReason() == null && isSource(f),
                    f.testCode(), f.codeLines(), flags);
        }
    }

    /** The facts of all files together. */
    private static final class Facts {
        long code;
        long test;
        int flags;

        void add(FileFacts f) {
            if (f.source()) {
                if (f.test()) {
                    test += f.codeLines();
                } else {
                    code += f.codeLines();
                }
            }
            flags |= f.flags();
        }

        boolean has(int flag) {
            return (flags & flag) != 0;
        }
    }

    /** Top-level directories with production code and no test file under them. */
    private void untestedModules(Collection<FileFacts> files) {
        Map<String, long[]> modules = new TreeMap<>();
        for (FileFacts f : files) {
            if (f.module() == null || !f.source()) {
                continue;
            }
            long[] m = modules.computeIfAbsent(f.module(), k -> new long[2]);
            m[f.test() ? 1 : 0] += f.codeLines();
        }
        if (modules.size() < 2) {
            return;
        }
        modules.forEach((module, m) -> {
            if (m[0] >= MODULE_MIN_LINES && m[1] == 0) {
                add("tests.untested-module", "module " + module + "/ has " + m[0] + " lines of code and no tests", module);
            }
        });
    }

    private void check(String name, String indicatorId, boolean passed) {
        checks.put(name, passed);
        if (!passed) {
            add(indicatorId, Catalogue.get(indicatorId).title(), name);
        }
    }

    private void add(String indicatorId, String message, String snippet) {
        if (!settings.enabled(indicatorId)) {
            return;
        }
        Indicator ind = Catalogue.get(indicatorId);
        findings.add(new Finding(indicatorId, ind.category(), ind.severity(), "", 0, 0, message, ind.remediationMinutes(),
                snippet, Fingerprints.of(indicatorId, "", snippet, 1), false));
    }

    private static boolean isSource(FileAnalysis f) {
        return !Languages.isConfiguration(f.language()) && !f.language().equals("notebook") && !f.language().equals("sql");
    }
}
