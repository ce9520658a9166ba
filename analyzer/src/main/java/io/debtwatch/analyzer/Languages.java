package io.debtwatch.analyzer;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Language, test-code and entry-point conventions, decided from the path alone. */
public final class Languages {
    /** Languages parsed with tree-sitter. */
    public static final Set<String> TREE_LANGUAGES = Set.of("java", "python", "javascript", "typescript", "go");
    /** Configuration formats: no hardcoded-configuration findings there (that is where config belongs). */
    private static final Set<String> CONFIG_LANGUAGES = Set.of("yaml", "properties", "env", "json", "xml", "toml",
            "ini", "markdown", "text", "dockerfile");

    private static final Pattern JVM_TEST = Pattern.compile("(?i).*(Test|Tests|IT|Spec)\\.(java|kt)");
    private static final Pattern PYTHON_TEST = Pattern.compile("test_.*\\.py|.*_test\\.py|conftest\\.py");
    private static final Pattern JS_TEST = Pattern.compile(".*\\.(test|spec)\\.[cm]?[jt]sx?");

    private Languages() {
    }

    /** The language name of a path: a tree language, another known name, or "text". */
    public static String of(String path) {
        String name = fileName(path).toLowerCase(Locale.ROOT);
        if (name.equals("dockerfile") || name.startsWith("dockerfile.")) {
            return "dockerfile";
        }
        if (name.equals(".env") || name.startsWith(".env.")) {
            return "env";
        }
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        return switch (ext) {
            case "java" -> "java";
            case "py", "pyw" -> "python";
            case "js", "mjs", "cjs", "jsx" -> "javascript";
            case "ts", "mts", "cts", "tsx" -> "typescript";
            case "go" -> "go";
            case "kt", "kts" -> "kotlin";
            case "cs" -> "csharp";
            case "rb" -> "ruby";
            case "php" -> "php";
            case "rs" -> "rust";
            case "c", "h", "cc", "cpp", "hpp" -> "c";
            case "scala" -> "scala";
            case "swift" -> "swift";
            case "sh", "bash", "zsh" -> "shell";
            case "sql" -> "sql";
            case "yml", "yaml" -> "yaml";
            case "properties" -> "properties";
            case "json" -> "json";
            case "xml" -> "xml";
            case "toml" -> "toml";
            case "ini", "cfg", "conf" -> "ini";
            case "md", "markdown", "rst", "txt" -> "markdown";
            case "ipynb" -> "notebook";
            default -> "text";
        };
    }

    /** True for configuration formats, where hardcoded configuration is expected. */
    public static boolean isConfiguration(String language) {
        return CONFIG_LANGUAGES.contains(language);
    }

    /** Test code by each language's convention (directories and file names). */
    public static boolean isTest(String path) {
        String p = "/" + path.replace('\\', '/').toLowerCase(Locale.ROOT);
        if (p.contains("/test/") || p.contains("/tests/") || p.contains("/__tests__/") || p.contains("/spec/")
                || p.contains("/testdata/") || p.contains("/fixtures/") || p.contains("/it/")) {
            return true;
        }
        String name = fileName(path);
        return JVM_TEST.matcher(name).matches() || PYTHON_TEST.matcher(name).matches() || JS_TEST.matcher(name).matches()
                || name.endsWith("_test.go");
    }

    /** Command-line code, where printing is the output: cli/, bin/, cmd/, scripts/ and __main__.py. */
    public static boolean isCli(String path) {
        String p = "/" + path.replace('\\', '/').toLowerCase(Locale.ROOT);
        return p.contains("/cli/") || p.contains("/bin/") || p.contains("/cmd/") || p.contains("/scripts/")
                || p.endsWith("/__main__.py") || p.endsWith("/cli.py") || p.endsWith("/cli.js") || p.endsWith("/cli.ts");
    }

    static String fileName(String path) {
        String p = path.replace('\\', '/');
        return p.substring(p.lastIndexOf('/') + 1);
    }
}
