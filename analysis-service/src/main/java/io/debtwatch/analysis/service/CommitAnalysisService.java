package io.debtwatch.analysis.service;

import io.debtwatch.analysis.config.AnalysisConfig;
import io.debtwatch.analysis.repository.AnalysisRepository;
import io.debtwatch.analyzer.AnalysisSettings;
import io.debtwatch.analyzer.Analyzer;
import io.debtwatch.analyzer.FileAnalysis;
import io.debtwatch.analyzer.Finding;
import io.debtwatch.analyzer.RepositoryAnalysis;
import io.debtwatch.events.CategoryTotal;
import io.debtwatch.events.CommitAnalyzed;
import io.debtwatch.events.CommitDiscovered;
import io.debtwatch.events.EventIds;
import io.debtwatch.events.FindingSummary;
import io.debtwatch.events.IndicatorTotal;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Turns one discovered commit into its analysis: the snapshot's files (from the per-blob cache),
 * repository checks, totals, and the findings new and fixed against the first parent. An analysis
 * is computed once per eventId; a redelivered commit gets the stored one.
 */
@ApplicationScoped
public class CommitAnalysisService {

    private static final Map<String, Integer> SEVERITY_RANK = Map.of("critical", 0, "major", 1, "minor", 2, "info", 3);

    private final GitObjectCache objects;
    private final SnapshotAnalyzer snapshots;
    private final AnalysisRepository analyses;
    private final AnalysisConfig config;
    private final Analyzer messageAnalyzer = new Analyzer(AnalysisSettings.defaults());

    CommitAnalysisService(GitObjectCache objects, SnapshotAnalyzer snapshots, AnalysisRepository analyses,
            AnalysisConfig config) {
        this.objects = objects;
        this.snapshots = snapshots;
        this.analyses = analyses;
        this.config = config;
    }

    /**
     * @param commit the discovered commit
     * @return its analysis, computed now or stored before
     */
    public CommitAnalyzed analyze(CommitDiscovered commit) {
        String eventId = EventIds.analysis(commit.repoId(), commit.sha(), Analyzer.VERSION);
        return analyses.find(eventId).orElseGet(() -> analyses.storeOnce(compute(commit, eventId)));
    }

    private CommitAnalyzed compute(CommitDiscovered commit, String eventId) {
        try (Repository repository = objects.open(commit.repoId(), commit.repoUrl(), commit.sha());
                RevWalk walk = new RevWalk(repository)) {
            RevCommit revCommit = walk.parseCommit(ObjectId.fromString(commit.sha()));
            SnapshotAnalyzer.Snapshot current = snapshots.analyze(repository, revCommit);
            List<Finding> findings = allFindings(current);
            List<Finding> parentFindings = List.of();
            if (revCommit.getParentCount() > 0) {
                RevCommit parent = walk.parseCommit(revCommit.getParent(0));
                parentFindings = allFindings(snapshots.analyze(repository, parent)).stream()
                        .filter(f -> !f.testCode()).toList();
            }
            return build(commit, eventId, current, findings, parentFindings);
        } catch (IOException e) {
            throw new AnalysisFailedException("cannot read commit " + commit.sha() + ": " + e.getMessage(), e);
        }
    }

    private List<Finding> allFindings(SnapshotAnalyzer.Snapshot snapshot) {
        List<Finding> findings = new ArrayList<>();
        snapshot.files().forEach(f -> findings.addAll(f.findings()));
        RepositoryAnalysis repository = messageAnalyzer.analyzeRepository(snapshot.files());
        findings.addAll(repository.findings());
        return findings;
    }

    private CommitAnalyzed build(CommitDiscovered commit, String eventId, SnapshotAnalyzer.Snapshot snapshot,
            List<Finding> findings, List<Finding> parentFindings) {
        Set<String> parentFingerprints = parentFindings.stream().map(Finding::fingerprint).collect(Collectors.toSet());
        Map<String, Integer> loc = new TreeMap<>();
        int testLoc = 0;
        int skipped = 0;
        for (FileAnalysis file : snapshot.files()) {
            if (file.isSkipped()) {
                skipped++;
                continue;
            }
            loc.merge(file.language(), file.codeLines(), Integer::sum);
            if (file.testCode()) {
                testLoc += file.codeLines();
            }
        }
        List<Finding> production = findings.stream().filter(f -> !f.testCode()).toList();
        Map<String, IndicatorTotal> indicators = new TreeMap<>();
        Map<String, CategoryTotal> categories = new TreeMap<>();
        for (Finding f : production) {
            indicators.merge(f.indicatorId(), new IndicatorTotal(f.category(), 1, f.remediationMinutes()),
                    (a, b) -> new IndicatorTotal(a.category(), a.count() + b.count(),
                            a.remediationMinutes() + b.remediationMinutes()));
            categories.merge(f.category(), new CategoryTotal(1, f.remediationMinutes()),
                    (a, b) -> new CategoryTotal(a.count() + b.count(), a.remediationMinutes() + b.remediationMinutes()));
        }
        Set<String> currentFingerprints = production.stream().map(Finding::fingerprint).collect(Collectors.toSet());
        List<Finding> fresh = production.stream().filter(f -> !parentFingerprints.contains(f.fingerprint())).toList();
        List<Finding> commitMarkers = messageAnalyzer.analyzeCommitMessage(commit.message());
        List<FindingSummary> newFindings = new ArrayList<>(summaries(commitMarkers));
        newFindings.addAll(summaries(fresh));
        Map<String, Boolean> checks = new LinkedHashMap<>(messageAnalyzer.analyzeRepository(snapshot.files()).checks());
        checks.put("settings-valid", snapshot.problem() == null);
        List<Finding> fixed = parentFindings.stream().filter(f -> !currentFingerprints.contains(f.fingerprint()))
                .toList();
        return new CommitAnalyzed(eventId, commit.repoId(), commit.org(), commit.team(), commit.branch(), commit.sha(),
                commit.parents(), commit.committedAt(), commit.depth(), commit.backfill(), Analyzer.VERSION,
                Instant.now(), loc, testLoc, indicators, categories, checks, bounded(newFindings),
                fresh.size() + commitMarkers.size(), bounded(summaries(fixed)), fixed.size(),
                bounded(summaries(mostSevere(production))),
                snapshot.files().size() - skipped, skipped);
    }

    private static List<Finding> mostSevere(List<Finding> findings) {
        return findings.stream().sorted(Comparator.comparingInt((Finding f) -> SEVERITY_RANK.getOrDefault(f.severity(), 9))
                .thenComparing(Finding::path).thenComparingInt(Finding::startLine)).toList();
    }

    private List<FindingSummary> bounded(List<FindingSummary> findings) {
        return findings.size() <= config.maxListedFindings() ? findings
                : findings.subList(0, config.maxListedFindings());
    }

    private static List<FindingSummary> summaries(List<Finding> findings) {
        Map<String, FindingSummary> unique = new HashMap<>();
        List<FindingSummary> result = new ArrayList<>();
        for (Finding f : findings) {
            FindingSummary summary = new FindingSummary(f.fingerprint(), f.indicatorId(), f.category(), f.severity(),
                    f.path(), f.startLine(), f.message(), f.remediationMinutes());
            if (unique.putIfAbsent(f.fingerprint(), summary) == null) {
                result.add(summary);
            }
        }
        return result;
    }
}
