package io.debtwatch.analyzer;

import java.util.List;
import java.util.Set;

/**
 * The analysis of one file.
 *
 * @param path          repository-relative path
 * @param language      {@code java}, {@code python}, {@code javascript}, {@code typescript}, {@code go}, or
 *                      another language name, or {@code text}
 * @param codeLines     lines of code: not blank, not only a comment
 * @param testCode      whether the file is test code by its language's convention
 * @param skippedReason why the file was not analysed (binary, too large, generated, vendored), or null
 * @param traits        facts the repository checks use, such as {@code logging}
 * @param findings      what matched
 */
public record FileAnalysis(String path, String language, int codeLines, boolean testCode, String skippedReason,
        Set<String> traits, List<Finding> findings) {

    public FileAnalysis {
        traits = traits == null ? Set.of() : Set.copyOf(traits);
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    /**
     * @param path   the file
     * @param reason why it was skipped
     * @return an analysis with no findings
     */
    public static FileAnalysis skipped(String path, String reason) {
        return new FileAnalysis(path, Languages.of(path), 0, false, reason, Set.of(), List.of());
    }

    /**
     * @return whether the file was skipped
     */
    public boolean isSkipped() {
        return skippedReason != null;
    }
}
