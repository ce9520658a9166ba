package io.debtwatch.analyzer;

import java.util.Locale;
import java.util.Map;

/** The language of a file, by its name. */
public final class Languages {

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("java", "java"), Map.entry("py", "python"), Map.entry("js", "javascript"),
            Map.entry("jsx", "javascript"), Map.entry("mjs", "javascript"), Map.entry("cjs", "javascript"),
            Map.entry("ts", "typescript"), Map.entry("tsx", "typescript"), Map.entry("go", "go"),
            Map.entry("kt", "kotlin"), Map.entry("kts", "kotlin"), Map.entry("cs", "csharp"),
            Map.entry("rb", "ruby"), Map.entry("php", "php"), Map.entry("rs", "rust"), Map.entry("sh", "shell"),
            Map.entry("bash", "shell"), Map.entry("yml", "yaml"), Map.entry("yaml", "yaml"),
            Map.entry("properties", "properties"), Map.entry("c", "c"), Map.entry("h", "c"),
            Map.entry("cpp", "cpp"), Map.entry("scala", "scala"), Map.entry("swift", "swift"),
            Map.entry("sql", "sql"), Map.entry("md", "markdown"));

    private Languages() {
    }

    /**
     * @param path a file path
     * @return its language, or {@code text}
     */
    public static String of(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.equals("Dockerfile") || name.startsWith("Dockerfile.")) {
            return "dockerfile";
        }
        if (name.equals(".env") || name.startsWith(".env.")) {
            return "dotenv";
        }
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "text" : BY_EXTENSION.getOrDefault(name.substring(dot + 1).toLowerCase(Locale.ROOT), "text");
    }

    /**
     * @param language a language name
     * @return the line-comment marker of the language, or null when it has none
     */
    static String lineComment(String language) {
        return switch (language) {
            case "java", "javascript", "typescript", "go", "kotlin", "csharp", "php", "rust", "c", "cpp", "scala",
                 "swift" -> "//";
            case "python", "ruby", "shell", "yaml", "properties", "dockerfile", "dotenv" -> "#";
            case "sql" -> "--";
            default -> null;
        };
    }

    /**
     * @param path a file path
     * @return whether the file is test code by its language's convention
     */
    public static boolean isTest(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        String name = lower.substring(lower.lastIndexOf('/') + 1);
        return lower.startsWith("test/") || lower.startsWith("tests/") || lower.contains("/test/")
                || lower.contains("/tests/") || lower.contains("/__tests__/") || lower.startsWith("src/test/")
                || name.endsWith("test.java") || name.endsWith("tests.java") || path.endsWith("IT.java")
                || name.startsWith("test_") || name.endsWith("_test.py") || name.endsWith("_test.go")
                || name.contains(".test.") || name.contains(".spec.");
    }
}
