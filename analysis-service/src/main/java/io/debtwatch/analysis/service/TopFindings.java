package io.debtwatch.analysis.service;

import io.debtwatch.analyzer.FileAnalysis;
import io.debtwatch.analyzer.Finding;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The most severe production findings of a snapshot, in {@link Findings#SEVERITY_ORDER}: severity,
 * then path, line and indicator. A snapshot's files come in path order, so within one severity the
 * files are simply read in turn: each file result's production findings are grouped by severity and
 * sorted once, and a commit that changes a few files no longer sorts every finding of the repository.
 * Most commits do not even read every file: their top is their parent's with the changed files'
 * findings merged in (see {@link #of(String, String, List, List, List, Collection, int)}). The
 * repository-level findings are few; they are merged by a final sort.
 */
final class TopFindings {

    /** Snapshots whose file-level top is kept for their children: a backfill needs only the last one. */
    static final int RECENT = 16;

    private final PerFileResult<TreeMap<Integer, List<Finding>>> bySeverity = new PerFileResult<>(TopFindings::group);
    private final Map<String, FileTop> recent = new LinkedHashMap<>(RECENT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, FileTop> eldest) {
            return size() > RECENT;
        }
    };

    /** The first findings of a snapshot's files (without the repository-level ones), and the limit used. */
    private record FileTop(List<Finding> findings, int limit) {
    }

    /**
     * The top of a snapshot built from its parent's: the parent's file-level top without the files the
     * commit removed or replaced, plus the findings of the files it added, sorted and cut. That is the
     * whole answer when the parent's top lost nothing (or held every finding the parent had): a finding
     * beyond it comes after all of it. Otherwise, and without the parent's top, every file is read.
     *
     * @param id       the snapshot's {@link Snapshot#memoryKey()}
     * @param parentId that of the snapshot it was built from, or null
     * @param files    the snapshot's file results, in path order
     * @param removed  the parent's results that are gone
     * @param added    the results that are new, in path order
     * @param extra    the snapshot's repository-level findings
     * @param limit    the most to return
     * @return the first {@code limit} production findings, most severe first
     */
    synchronized List<Finding> of(String id, String parentId, List<FileAnalysis> files, List<FileAnalysis> removed,
            List<FileAnalysis> added, Collection<Finding> extra, int limit) {
        FileTop parent = parentId == null ? null : recent.get(parentId);
        List<Finding> fileTop = parent == null || parent.limit() != limit ? null : fromParent(parent, removed, added);
        if (fileTop == null) {
            fileTop = ofFiles(files, limit);
        }
        recent.put(id, new FileTop(List.copyOf(fileTop), limit));
        return withRepositoryFindings(fileTop, extra, limit);
    }

    private static List<Finding> fromParent(FileTop parent, List<FileAnalysis> removed, List<FileAnalysis> added) {
        Set<String> gone = new HashSet<>();
        removed.forEach(file -> gone.add(file.path()));
        List<Finding> top = new ArrayList<>(parent.findings().size());
        for (Finding finding : parent.findings()) {
            if (!gone.contains(finding.path())) {
                top.add(finding);
            }
        }
        if (top.size() < parent.findings().size() && parent.findings().size() == parent.limit()) {
            return null;
        }
        for (FileAnalysis file : added) {
            for (Finding finding : file.findings()) {
                if (!finding.testCode()) {
                    top.add(finding);
                }
            }
        }
        top.sort(Findings.SEVERITY_ORDER);
        return top.size() > parent.limit() ? List.copyOf(top.subList(0, parent.limit())) : List.copyOf(top);
    }

    /**
     * @param files the snapshot's file results, in path order
     * @param extra its repository-level findings
     * @param limit the most to return
     * @return the first {@code limit} production findings, most severe first
     */
    List<Finding> of(List<FileAnalysis> files, Collection<Finding> extra, int limit) {
        return withRepositoryFindings(ofFiles(files, limit), extra, limit);
    }

    private static List<Finding> withRepositoryFindings(List<Finding> fileTop, Collection<Finding> extra, int limit) {
        List<Finding> top = new ArrayList<>(fileTop);
        extra.stream().filter(f -> !f.testCode()).forEach(top::add);
        top.sort(Findings.SEVERITY_ORDER);
        return top.size() > limit ? List.copyOf(top.subList(0, limit)) : top;
    }

    private List<Finding> ofFiles(List<FileAnalysis> files, int limit) {
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
        return top;
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
