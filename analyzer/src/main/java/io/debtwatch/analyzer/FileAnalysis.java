package io.debtwatch.analyzer;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The result of analysing one file: language: "java", "python", "javascript", "typescript", "go",
 *  or another name / "text"; traits (sorted) are facts the repository checks use ("logging", "health-endpoint"). */
public record FileAnalysis(String path, String language, int codeLines, boolean testCode,
        String skippedReason, Set<String> traits, List<Finding> findings) {

    /** Traits are kept sorted, so a result prints and serialises the same in every run. */
    public FileAnalysis {
        traits = Collections.unmodifiableSortedSet(new TreeSet<>(traits));
    }

    /** A file that was not analysed, with the reason it was skipped. */
    public static FileAnalysis skipped(String path, String language, String reason) {
        return new FileAnalysis(path, language, 0, false, reason, Set.of(), List.of());
    }
}
