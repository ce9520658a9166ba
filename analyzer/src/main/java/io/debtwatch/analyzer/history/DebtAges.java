package io.debtwatch.analyzer.history;

import io.debtwatch.analyzer.FileAnalysis;
import io.debtwatch.analyzer.Finding;
import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * When each self-admitted-debt comment was written, from git blame at one commit: the commit that
 * last wrote the finding's first line and that commit's author time. A debt comment written years
 * ago and still there is debt never addressed.
 */
public final class DebtAges {

    /** The category whose findings get an age. */
    public static final String CATEGORY = "satd";

    private DebtAges() {
    }

    /**
     * @param commit the commit that last wrote the line
     * @param at     that commit's author time
     */
    public record Written(String commit, Instant at) {
    }

    /**
     * @param files file results
     * @return whether any of them holds a self-admitted-debt finding
     */
    public static boolean anyDebt(Collection<FileAnalysis> files) {
        return files.stream().anyMatch(f -> f.findings().stream().anyMatch(DebtAges::isDebt));
    }

    /**
     * @param finding a finding
     * @return whether it is self-admitted debt, the kind that gets an age
     */
    public static boolean isDebt(Finding finding) {
        return CATEGORY.equals(finding.category()) && finding.startLine() > 0;
    }

    /**
     * Blames every file holding debt findings, all in one walk of history, and dates each finding's
     * first line.
     *
     * @param repository the repository
     * @param commit     the commit whose files these are
     * @param files      results of files of that commit; only their debt findings are dated
     * @return fingerprint to the writing commit, for every debt finding blame could place
     * @throws IOException     when objects cannot be read
     * @throws GitAPIException when blame fails
     */
    public static Map<String, Written> written(Repository repository, ObjectId commit, Collection<FileAnalysis> files)
            throws IOException, GitAPIException {
        Map<String, List<Finding>> debt = new LinkedHashMap<>();
        Map<String, int[]> lines = new LinkedHashMap<>();
        for (FileAnalysis file : files) {
            List<Finding> inFile = file.findings().stream().filter(DebtAges::isDebt).toList();
            if (!inFile.isEmpty()) {
                debt.put(file.path(), inFile);
                lines.put(file.path(), inFile.stream().mapToInt(f -> f.startLine() - 1).toArray());
            }
        }
        Map<String, RevCommit[]> origins = HistoryBlame.origins(repository, commit, lines);
        Map<String, Written> written = new LinkedHashMap<>();
        debt.forEach((path, inFile) -> {
            RevCommit[] source = origins.get(path);
            for (int i = 0; i < inFile.size(); i++) {
                if (source[i] != null) {
                    written.put(inFile.get(i).fingerprint(),
                            new Written(source[i].getName(), source[i].getAuthorIdent().getWhenAsInstant()));
                }
            }
        });
        return written;
    }
}
