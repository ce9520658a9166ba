package io.debtwatch.analyzer;

/**
 * One prototype indicator matched at one place.
 *
 * @param indicatorId        such as {@code satd.todo}
 * @param category           the indicator's category
 * @param severity           {@code info}, {@code minor}, {@code major} or {@code critical}
 * @param path               repository-relative path
 * @param startLine          first line, 1-based; 0 for repository-level findings
 * @param endLine            last line
 * @param message            what is wrong, for people
 * @param remediationMinutes estimated minutes to fix
 * @param snippet            the matched code, redacted (never a secret's value)
 * @param fingerprint        stable across commits while the code stays the same, even when lines move
 * @param testCode           whether the finding is in test code
 */
public record Finding(String indicatorId, String category, String severity, String path, int startLine,
        int endLine, String message, int remediationMinutes, String snippet, String fingerprint, boolean testCode) {
}
