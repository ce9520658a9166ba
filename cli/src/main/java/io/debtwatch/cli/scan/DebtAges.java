package io.debtwatch.cli.scan;

import io.debtwatch.analyzer.FileAnalysis;
import io.debtwatch.analyzer.Finding;
import io.debtwatch.analyzer.history.DebtAges.Written;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/** The age of each self-admitted-debt finding of a scanned revision, as the JSON report lists it: the
 *  commit that last wrote the comment line and how many days before the scanned commit that was. */
final class DebtAges {
    private DebtAges() {
    }

    static List<Map<String, Object>> of(Repository repo, String commit, List<FileAnalysis> files, List<String> problems) {
        List<Map<String, Object>> ages = new ArrayList<>();
        try {
            ObjectId start = ObjectId.fromString(commit);
            Instant scanned = repo.parseCommit(start).getAuthorIdent().getWhenAsInstant();
            Map<String, Written> written = io.debtwatch.analyzer.history.DebtAges.written(repo, start, files);
            for (FileAnalysis file : files) {
                for (Finding f : file.findings()) {
                    Written w = written.get(f.fingerprint());
                    if (w == null) {
                        continue;
                    }
                    Map<String, Object> age = new LinkedHashMap<>();
                    age.put("fingerprint", f.fingerprint());
                    age.put("path", f.path());
                    age.put("line", f.startLine());
                    age.put("commit", w.commit());
                    age.put("writtenAt", w.at().toString());
                    age.put("ageDays", Duration.between(w.at(), scanned).toDays());
                    ages.add(age);
                }
            }
        } catch (GitAPIException | java.io.IOException e) {
            problems.add("git blame failed, debt ages incomplete: " + e.getMessage());
        }
        return ages;
    }
}
