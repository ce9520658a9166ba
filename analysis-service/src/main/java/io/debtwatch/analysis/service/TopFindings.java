package io.debtwatch.analysis.service;

import io.debtwatch.analyzer.FileAnalysis;
import io.debtwatch.analyzer.Finding;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The most severe production findings of a snapshot, in {@link Findings#SEVERITY_ORDER}: severity,
 * then path, line and indicator. A snapshot's files come in path order, so within one severity the
 * files are simply read in turn: each file result's production findings are grouped by severity and
 * sorted once, and a commit that changes a few files no longer sorts every finding of the repository.
 * The repository-level findings are few; they are merged by a final sort.
 */
final class TopFindings {

    private final PerFileResult<TreeMap<Integer, List<Finding>>> bySeverity = new PerFileResult<>(TopFindings::group);

    /**
     * @param files the snapshot's file results, in path order
     * @param extra its repository-level findings
     * @param limit the most to return
     * @return the first {@code limit} production findings, most severe first
     */
    List<Finding> of(List<FileAnalysis> files, Collection<Finding> extra, int limit) {
        List<TreeMap<Integer, List<Finding>>> groups = new ArrayList<>(files.size());
        TreeSet<Integer> severities = new TreeSet<>();
        String previous = null;
        for (FileAnalysis file : files) {
            if (previous != null && previous.compareTo(file.path()) >= 0) {
                throw new IllegalArgumentException("files not in path order: " + previous + ", " + file.path());
            }
            previous = file.path();
            TreeMap<Integer, List<Finding>> groupsOfFile = bySeverity.of(file);
            if (!groupsOfFile.isEmpty()) {
                groups.add(groupsOfFile);
                severities.addAll(groupsOfFile.keySet());
            }
        }
        List<Finding> top = new ArrayList<>();
        fill:
        for (Integer rank : severities) {
            for (TreeMap<Integer, List<Finding>> groupsOfFile : groups) {
                for (Finding finding : groupsOfFile.getOrDefault(rank, List.of())) {
                    if (top.size() == limit) {
                        break fill;
                    }
                    top.add(finding);
                }
            }
        }
        extra.stream().filter(f -> !f.testCode()).forEach(top::add);
        top.sort(Findings.SEVERITY_ORDER);
        return top.size() > limit ? List.copyOf(top.subList(0, limit)) : top;
    }

    /**
     * A file's production findings (all of them at the file's path) by severity rank, each group in
     * line and indicator order.
     */
    private static TreeMap<Integer, List<Finding>> group(FileAnalysis file) {
        TreeMap<Integer, List<Finding>> groups = new TreeMap<>();
        for (Finding finding : file.findings()) {
            if (!finding.testCode()) {
                groups.computeIfAbsent(Findings.severityRank(finding), rank -> new ArrayList<>()).add(finding);
            }
        }
        groups.replaceAll((rank, findings) -> findings.stream().sorted(Findings.SEVERITY_ORDER).toList());
        return groups;
    }
}
