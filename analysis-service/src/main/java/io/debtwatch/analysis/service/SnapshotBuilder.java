package io.debtwatch.analysis.service;

import io.debtwatch.analyzer.AnalysisSettings;
import io.debtwatch.analyzer.Analyzer;
import io.debtwatch.analyzer.FileAnalysis;
import io.debtwatch.analyzer.RepositoryAnalysis;
import io.debtwatch.analyzer.RepositoryChecks;
import io.debtwatch.analyzer.SettingsException;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Builds a commit's snapshot: from its parent's snapshot plus the delta of the files that differ
 * (the trees are compared by id, so unchanged folders are never opened), or by a full tree walk
 * when there is no parent snapshot or the repository's settings changed. The file results of the
 * recent snapshots stay in memory by path, so a child takes its parent's and replaces the changed
 * files' instead of looking every file's result up again.
 */
@ApplicationScoped
@Startup
public class SnapshotBuilder {

    static final String SETTINGS_FILE = ".debtwatch.yml";

    /** A child needs its parent's results (newest first: its own too); a few per worker is plenty. */
    private static final int RECENT_RESULTS = 16;

    private final BlobResults results;
    private final PerFileResult<RepositoryChecks.FileFacts> repositoryFacts = new PerFileResult<>(
            RepositoryChecks.FileFacts::of);
    private final Map<String, Map<String, FileAnalysis>> recentResults = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Map<String, FileAnalysis>> eldest) {
                    return size() > RECENT_RESULTS;
                }
            });

    SnapshotBuilder(BlobResults results) {
        this.results = results;
    }

    /**
     * A snapshot, all its file results, and the file results that differ from the snapshot it was
     * derived from (all files, against nothing, for a full walk without a base).
     *
     * @param snapshot the snapshot
     * @param files    every file's result
     * @param removed  results of the base that are gone
     * @param added    results that are new
     */
    public record Built(Snapshot snapshot, List<FileAnalysis> files, List<FileAnalysis> removed,
            List<FileAnalysis> added) {
    }

    /**
     * @param reader the Git objects
     * @param repoId the repository id
     * @param org    the organisation
     * @param commit the commit
     * @return the snapshot, every file analysed or taken from the cache
     * @throws IOException when objects cannot be read
     */
    public Built full(ObjectReader reader, String repoId, String org, RevCommit commit) throws IOException {
        Settings settings = settings(reader, commit);
        Analyzer analyzer = new Analyzer(settings.settings());
        Map<String, ObjectId> blobs = new TreeMap<>();
        try (TreeWalk walk = new TreeWalk(reader)) {
            walk.addTree(commit.getTree());
            walk.setRecursive(true);
            while (walk.next()) {
                if (isFile(walk.getFileMode(0))) {
                    blobs.put(walk.getPathString(), walk.getObjectId(0));
                }
            }
        }
        Map<String, String> files = new TreeMap<>();
        blobs.forEach((path, blob) -> files.put(path, blob.name()));
        TreeMap<String, FileAnalysis> byPath = new TreeMap<>(results.get(analyzer, reader, settings.key(), blobs));
        List<FileAnalysis> analyses = List.copyOf(byPath.values());
        return finish(analyzer, new Snapshot(repoId, org, commit.name(), settings.key(), settings.problem(), files,
                Totals.of(analyses), Map.of(), List.of(), Map.of()), byPath, analyses, List.of(), analyses);
    }

    /**
     * A full walk against a parent whose snapshot cannot be reused (the settings changed): every
     * result of the parent counts as removed and every current one as added, so findings that stay
     * still cancel out by fingerprint.
     *
     * @param reader the Git objects
     * @param parent the first parent's snapshot
     * @param commit the commit
     * @return the snapshot, with the parent's results as removed
     * @throws IOException when objects cannot be read
     */
    public Built replacing(ObjectReader reader, Snapshot parent, RevCommit commit) throws IOException {
        Built built = full(reader, parent.repoId(), parent.org(), commit);
        return new Built(built.snapshot(), built.files(), List.copyOf(resultsOf(parent).values()), built.files());
    }

    /**
     * @param reader       the Git objects
     * @param parent       the first parent's snapshot
     * @param parentCommit the first parent
     * @param commit       the commit
     * @return the snapshot from the parent's plus the delta, or null when the settings changed and a
     *         full walk is needed
     * @throws IOException when objects cannot be read
     */
    public Built delta(ObjectReader reader, Snapshot parent, RevCommit parentCommit, RevCommit commit)
            throws IOException {
        Map<String, ObjectId> changes = changedFiles(reader, parentCommit, commit);
        if (changes.containsKey(SETTINGS_FILE)) {
            return null;
        }
        Settings settings = settings(reader, commit);
        Analyzer analyzer = new Analyzer(settings.settings());
        Map<String, String> files = new TreeMap<>(parent.files());
        TreeMap<String, FileAnalysis> byPath = new TreeMap<>(resultsOf(parent));
        List<FileAnalysis> removed = new ArrayList<>();
        Map<String, ObjectId> changed = new TreeMap<>();
        for (Map.Entry<String, ObjectId> change : changes.entrySet()) {
            String path = change.getKey();
            if (files.remove(path) != null) {
                removed.add(byPath.remove(path));
            }
            if (change.getValue() != null) {
                changed.put(path, change.getValue());
                files.put(path, change.getValue().name());
            }
        }
        Map<String, FileAnalysis> fresh = results.get(analyzer, reader, settings.key(), changed);
        byPath.putAll(fresh);
        List<FileAnalysis> added = List.copyOf(fresh.values());
        results.carried(byPath.size() - added.size());
        Snapshot snapshot = new Snapshot(parent.repoId(), parent.org(), commit.name(), settings.key(),
                settings.problem(), files, parent.totals().apply(removed, added), Map.of(), List.of(), Map.of());
        return finish(analyzer, snapshot, byPath, List.copyOf(byPath.values()), removed, added);
    }

    /** A snapshot's file results by path: from memory when it was built or used recently, else looked up. */
    private Map<String, FileAnalysis> resultsOf(Snapshot snapshot) {
        Map<String, FileAnalysis> known = recentResults.get(snapshot.memoryKey());
        if (known != null) {
            return known;
        }
        List<String> paths = List.copyOf(snapshot.files().keySet());
        List<FileAnalysis> found = results.getAll(paths.stream().map(snapshot::resultKey).toList());
        TreeMap<String, FileAnalysis> byPath = new TreeMap<>();
        for (int i = 0; i < paths.size(); i++) {
            byPath.put(paths.get(i), found.get(i));
        }
        recentResults.put(snapshot.memoryKey(), byPath);
        return byPath;
    }

    private Built finish(Analyzer analyzer, Snapshot s, Map<String, FileAnalysis> byPath, List<FileAnalysis> all,
            List<FileAnalysis> removed, List<FileAnalysis> added) {
        RepositoryAnalysis repository = analyzer.analyzeRepositoryFacts(all.stream().map(repositoryFacts::of).toList());
        Map<String, Boolean> checks = new LinkedHashMap<>(new TreeMap<>(repository.checks()));
        checks.put("settings-valid", s.settingsProblem() == null);
        Snapshot snapshot = new Snapshot(s.repoId(), s.org(), s.sha(), s.settingsKey(), s.settingsProblem(), s.files(),
                s.totals(), checks, repository.findings(), s.debtSince());
        recentResults.put(snapshot.memoryKey(), byPath);
        return new Built(snapshot, all, removed, added);
    }

    /** Paths whose regular-file blob differs, with the new blob, or null where no regular file remains. */
    private static Map<String, ObjectId> changedFiles(ObjectReader reader, RevCommit parent, RevCommit commit)
            throws IOException {
        Map<String, ObjectId> changes = new TreeMap<>();
        try (TreeWalk walk = new TreeWalk(reader)) {
            walk.addTree(parent.getTree());
            walk.addTree(commit.getTree());
            walk.setRecursive(true);
            walk.setFilter(TreeFilter.ANY_DIFF);
            while (walk.next()) {
                changes.put(walk.getPathString(), isFile(walk.getFileMode(1)) ? walk.getObjectId(1) : null);
            }
        }
        return changes;
    }

    private static boolean isFile(FileMode mode) {
        return mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE;
    }

    private static Settings settings(ObjectReader reader, RevCommit commit) throws IOException {
        try (TreeWalk walk = TreeWalk.forPath(reader, SETTINGS_FILE, commit.getTree())) {
            if (walk == null || !isFile(walk.getFileMode(0))) {
                return new Settings(AnalysisSettings.defaults(), "default", null);
            }
            ObjectId blob = walk.getObjectId(0);
            String yaml = new String(reader.open(blob).getBytes(), StandardCharsets.UTF_8);
            try {
                return new Settings(AnalysisSettings.parse(yaml), blob.name(), null);
            } catch (SettingsException e) {
                return new Settings(AnalysisSettings.defaults(), "default", e.getMessage());
            }
        }
    }

    private record Settings(AnalysisSettings settings, String key, String problem) {
    }
}
