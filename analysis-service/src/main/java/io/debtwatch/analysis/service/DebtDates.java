package io.debtwatch.analysis.service;

import io.debtwatch.analyzer.FileAnalysis;
import io.debtwatch.analyzer.Finding;
import io.debtwatch.analyzer.history.DebtAges;
import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.jboss.logging.Logger;

/**
 * Dates every self-admitted-debt finding of a snapshot. A finding its base snapshot already dated
 * keeps that date (its fingerprint survives moved lines), so ages come from history without a
 * blame per commit. Findings with no base date are blamed when the snapshot was built by a full walk
 * (the first analysis of a repository, or a settings change); in a delta they were written by this
 * commit. Against a base, only the files that differ from it are looked at.
 */
final class DebtDates {

    private static final Logger LOG = Logger.getLogger(DebtDates.class);

    private DebtDates() {
    }

    /**
     * @param repository the repository, for blame
     * @param commit     the analysed commit
     * @param built      its snapshot's file results, and those that differ from the base
     * @param base       the snapshot it was derived from, or null
     * @param fullWalk   whether debt the base does not date is blamed rather than dated by the commit
     * @return fingerprint to when the debt was written, for every debt finding
     */
    static Map<String, Instant> of(Repository repository, RevCommit commit, SnapshotBuilder.Built built, Snapshot base,
            boolean fullWalk) {
        Map<String, Instant> known = base == null ? Map.of() : base.debtSince();
        Instant now = commit.getAuthorIdent().getWhenAsInstant();
        Map<String, Instant> since;
        Collection<FileAnalysis> changed;
        if (known.isEmpty()) {
            since = new HashMap<>();
            changed = built.files();
        } else if (!DebtAges.anyDebt(built.removed()) && !DebtAges.anyDebt(built.added())) {
            // most commits touch no debt comment: the base's dates stand as they are, not copied
            return known;
        } else {
            // the base dates exactly its own debt: only the files that differ change the dates
            since = new HashMap<>(known);
            built.removed().forEach(file -> debt(file).forEach(f -> since.remove(f.fingerprint())));
            changed = built.added();
        }
        boolean undated = false;
        for (FileAnalysis file : changed) {
            for (Finding f : debt(file)) {
                Instant date = known.get(f.fingerprint());
                undated |= date == null;
                since.put(f.fingerprint(), date == null ? now : date);
            }
        }
        if (fullWalk && undated) {
            List<FileAnalysis> toBlame = changed.stream().filter(file -> debt(file).stream()
                    .anyMatch(f -> !known.containsKey(f.fingerprint()))).toList();
            try {
                DebtAges.written(repository, commit, toBlame).forEach((fp, w) -> {
                    if (!known.containsKey(fp)) {
                        since.put(fp, w.at());
                    }
                });
            } catch (IOException | GitAPIException e) {
                LOG.warnf("git blame of %s failed, its debt is dated by the commit itself: %s", commit.name(),
                        e.getMessage());
            }
        }
        return since;
    }

    private static List<Finding> debt(FileAnalysis file) {
        return file.findings().stream().filter(DebtAges::isDebt).toList();
    }
}
