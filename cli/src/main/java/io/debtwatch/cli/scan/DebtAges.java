package io.debtwatch.cli.scan;

import io.debtwatch.analyzer.FileAnalysis;
import io.debtwatch.analyzer.Finding;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.blame.BlameResult;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

/** The age of each self-admitted-debt finding, from git blame at the scanned revision: the commit
 *  that last wrote the comment line and how many days before the scanned commit that was. */
final class DebtAges {
    private DebtAges() {
    }

    static List<Map<String, Object>> of(Repository repo, String commit, List<FileAnalysis> files, List<String> problems) {
        List<Map<String, Object>> ages = new ArrayList<>();
        try (Git git = new Git(repo)) {
            ObjectId start = ObjectId.fromString(commit);
            Instant scanned = repo.parseCommit(start).getAuthorIdent().getWhenAsInstant();
            for (FileAnalysis file : files) {
                List<Finding> debt = file.findings().stream().filter(f -> f.category().equals("satd")).toList();
                if (debt.isEmpty()) {
                    continue;
                }
                BlameResult blame = git.blame().setStartCommit(start).setFilePath(file.path()).call();
                for (Finding f : debt) {
                    if (blame == null || f.startLine() > blame.getResultContents().size()) {
                        continue;
                    }
                    RevCommit written = blame.getSourceCommit(f.startLine() - 1);
                    Instant when = written.getAuthorIdent().getWhenAsInstant();
                    Map<String, Object> age = new LinkedHashMap<>();
                    age.put("fingerprint", f.fingerprint());
                    age.put("path", f.path());
                    age.put("line", f.startLine());
                    age.put("commit", written.getName());
                    age.put("writtenAt", when.toString());
                    age.put("ageDays", Duration.between(when, scanned).toDays());
                    ages.add(age);
                }
            }
        } catch (GitAPIException | java.io.IOException e) {
            problems.add("git blame failed, debt ages incomplete: " + e.getMessage());
        }
        return ages;
    }
}
