package io.debtwatch.analyzer.scan;

import io.debtwatch.analyzer.FileAnalysis;
import io.debtwatch.analyzer.RepositoryAnalysis;
import io.debtwatch.analyzer.score.Score;
import java.util.List;

/** A whole snapshot: every file's analysis, the repository checks, the score, and the problems met
 *  on the way (unreadable files, symlinks) that did not stop the scan. */
public record ScanResult(List<FileAnalysis> files, RepositoryAnalysis repository, Score score, List<String> problems) {

    public long linesOfCode() {
        return files.stream().filter(f -> f.skippedReason() == null).mapToLong(FileAnalysis::codeLines).sum();
    }
}
