package io.debtwatch.analysis.service;

import io.debtwatch.analysis.config.AnalysisConfig;
import io.debtwatch.analysis.repository.SnapshotRepository;
import io.debtwatch.analyzer.Analyzer;
import io.debtwatch.analyzer.FileAnalysis;
import io.debtwatch.analyzer.Finding;
import io.debtwatch.service.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The drill-down into one commit's snapshot: every finding, production and test code, read from
 * the per-blob results the snapshot references, in path order.
 */
@ApplicationScoped
public class FindingsService {

    private final SnapshotRepository snapshots;
    private final BlobResults results;
    private final AnalysisConfig config;

    FindingsService(SnapshotRepository snapshots, BlobResults results, AnalysisConfig config) {
        this.snapshots = snapshots;
        this.results = results;
        this.config = config;
    }

    /**
     * One page of a snapshot's findings.
     *
     * @param repoId          the repository
     * @param sha             the commit
     * @param analyzerVersion the analyzer version that produced them
     * @param page            the page, from 0
     * @param size            the page size
     * @param total           findings in all (after the category filter)
     * @param items           this page's findings
     */
    public record FindingsPage(String repoId, String sha, String analyzerVersion, int page, int size, int total,
            List<Finding> items) {
    }

    /**
     * @param org      the organisation; a commit of another org's repository is not found
     * @param repoId   the repository
     * @param sha      the commit
     * @param category only this category, or null for all
     * @param page     the page, from 0
     * @param size     the page size
     * @return the page
     * @throws ProblemException 400 for a bad page or size, 404 when the commit was not analysed for the org
     */
    public FindingsPage page(String org, String repoId, String sha, String category, int page, int size) {
        if (page < 0) {
            throw ProblemException.invalid("page", "must be 0 or more");
        }
        if (size < 1 || size > config.maxPageSize()) {
            throw ProblemException.invalid("size", "must be between 1 and " + config.maxPageSize());
        }
        Snapshot snapshot = snapshots.find(org, repoId, sha)
                .orElseThrow(() -> ProblemException.notFound("analysed commit", sha));
        List<Finding> all = new ArrayList<>(snapshot.repositoryFindings());
        List<FileAnalysis> files = results.getAll(snapshot.files().keySet().stream().map(snapshot::resultKey).toList());
        files.forEach(f -> all.addAll(f.findings()));
        List<Finding> matching = category == null ? all
                : all.stream().filter(f -> f.category().equals(category)).toList();
        int from = (int) Math.min((long) page * size, matching.size());
        int to = Math.min(from + size, matching.size());
        return new FindingsPage(repoId, sha, Analyzer.VERSION, page, size, matching.size(),
                List.copyOf(matching.subList(from, to)));
    }
}
