package io.debtwatch.analysis.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.debtwatch.analyzer.FileAnalysis;
import io.debtwatch.analyzer.Finding;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The most severe production findings of a snapshot, in {@link Findings#SEVERITY_ORDER}. Each file
 * result's production findings are sorted once and kept while the result is in use (weak keys,
 * compared by identity), and a snapshot's list is merged from them: a commit that changes a few
 * files no longer sorts every finding of the repository again. The merge gives exactly the order a
 * stable sort of all of them gives, since two findings of different files never compare equal.
 */
final class TopFindings {

    private final Cache<FileAnalysis, List<Finding>> sortedByFile = Caffeine.newBuilder().weakKeys().build();

    /**
     * @param files the snapshot's file results
     * @param extra its repository-level findings
     * @param limit the most to return
     * @return the first {@code limit} production findings, most severe first
     */
    List<Finding> of(Collection<FileAnalysis> files, Collection<Finding> extra, int limit) {
        List<Cursor> cursors = new ArrayList<>(files.size() + 1);
        for (FileAnalysis file : files) {
            addCursor(cursors, sortedByFile.get(file, f -> sorted(f.findings())));
        }
        addCursor(cursors, sorted(extra));
        PriorityQueue<Cursor> heads = new PriorityQueue<>(cursors);
        List<Finding> top = new ArrayList<>(Math.min(limit, 64));
        while (top.size() < limit && !heads.isEmpty()) {
            Cursor cursor = heads.poll();
            top.add(cursor.head());
            if (cursor.advance()) {
                heads.add(cursor);
            }
        }
        return top;
    }

    private static void addCursor(List<Cursor> cursors, List<Finding> sorted) {
        if (!sorted.isEmpty()) {
            cursors.add(new Cursor(sorted));
        }
    }

    private static List<Finding> sorted(Collection<Finding> findings) {
        return findings.stream().filter(f -> !f.testCode()).sorted(Findings.SEVERITY_ORDER).toList();
    }

    /** A position in one file's sorted findings; cursors order by the finding they point at. */
    private static final class Cursor implements Comparable<Cursor> {
        private final List<Finding> findings;
        private int next;

        Cursor(List<Finding> findings) {
            this.findings = findings;
        }

        Finding head() {
            return findings.get(next);
        }

        boolean advance() {
            return ++next < findings.size();
        }

        @Override
        public int compareTo(Cursor other) {
            return Findings.SEVERITY_ORDER.compare(head(), other.head());
        }
    }
}
