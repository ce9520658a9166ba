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
final class RepositoryChecks {
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

    RepositoryAnalysis run(Collection<FileAnalysis> files) {
        Facts facts = new Facts();
        files.forEach(facts::add);
        check("readme", "readiness.readme", facts.readme);
        check("ci", "readiness.ci", facts.ci);
        check("build-manifest", "readiness.build-manifest", facts.buildManifest);
        check("lockfile", "readiness.lockfile", facts.lockfile);
        check("env-config", "readiness.env-config", facts.envConfig);
        check("logging", "observability.no-logging", facts.logging);
        check("health-endpoint", "observability.no-health-endpoint", !facts.server || facts.healthEndpoint);
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

    /** What the checks need from the files, gathered in one pass: a failing check used to read every file again. */
    private static final class Facts {
        long code;
        long test;
        boolean readme;
        boolean ci;
        boolean buildManifest;
        boolean lockfile;
        boolean envConfig;
        boolean logging;
        boolean server;
        boolean healthEndpoint;

        void add(FileAnalysis f) {
            if (f.skippedReason() == null && isSource(f)) {
                if (f.testCode()) {
                    test += f.codeLines();
                } else {
                    code += f.codeLines();
                }
            }
            String path = f.path();
            String name = name(f);
            Set<String> traits = f.traits();
            readme |= !path.contains("/") && name.startsWith("readme");
            ci |= !ci && (path.startsWith(".github/workflows/") || path.startsWith(".circleci/")
                    || CI_FILES.contains(path.toLowerCase(Locale.ROOT)));
            buildManifest |= !buildManifest && (MANIFESTS.contains(name) || DEPLOY_MANIFEST.matcher(path).matches());
            lockfile |= LOCKFILES.contains(name) || traits.contains("pinned-dependencies");
            envConfig |= !envConfig && (traits.contains("env-config") || CONFIG_FILE.matcher(name).matches());
            logging |= traits.contains("logging");
            server |= traits.contains("http-server");
            healthEndpoint |= traits.contains("health-endpoint");
        }
    }

    /** Top-level directories with production code and no test file under them. */
    private void untestedModules(Collection<FileAnalysis> files) {
        Map<String, long[]> modules = new TreeMap<>();
        for (FileAnalysis f : files) {
            int slash = f.path().indexOf('/');
            if (slash < 0 || f.skippedReason() != null || !isSource(f)) {
                continue;
            }
            long[] m = modules.computeIfAbsent(f.path().substring(0, slash), k -> new long[2]);
            m[f.testCode() ? 1 : 0] += f.codeLines();
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

    private static String name(FileAnalysis f) {
        return Languages.fileName(f.path()).toLowerCase(Locale.ROOT);
    }
}
