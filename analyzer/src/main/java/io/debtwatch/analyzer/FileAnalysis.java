package io.debtwatch.analyzer;

import java.util.List;
import java.util.Set;

/** The result of analysing one file: language: "java", "python", "javascript", "typescript", "go",
 *  or another name / "text"; traits are facts the repository checks use ("logging", "health-endpoint"). */
public record FileAnalysis(String path, String language, int codeLines, boolean testCode,
        String skippedReason, Set<String> traits, List<Finding> findings) {

    /** A file that was not analysed, with the reason it was skipped. */
    public static FileAnalysis skipped(String path, String language, String reason) {
        return new FileAnalysis(path, language, 0, false, reason, Set.of(), List.of());
    }
}
