package io.debtwatch.analysis.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.debtwatch.analysis.config.AnalysisConfig;
import io.debtwatch.analysis.repository.BlobResultRepository;
import io.debtwatch.analyzer.AnalysisSettings;
import io.debtwatch.analyzer.Analyzer;
import io.debtwatch.analyzer.FileAnalysis;
import io.debtwatch.analyzer.SettingsException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Analyses every file of a commit's tree. Results are keyed by content (blob, path, analyzer
 * version and the repository's settings): a Caffeine cache in front of MongoDB, so a file's content
 * is analysed once whichever commit or worker meets it first.
 */
@ApplicationScoped
public class SnapshotAnalyzer {

    static final String SETTINGS_FILE = ".debtwatch.yml";

    private final BlobResultRepository stored;
    private final Cache<String, FileAnalysis> cache;
    private final Counter hits;
    private final Counter misses;

    SnapshotAnalyzer(BlobResultRepository stored, AnalysisConfig config, MeterRegistry metrics) {
        this.stored = stored;
        this.cache = Caffeine.newBuilder().maximumSize(config.blobCacheSize()).build();
        this.hits = metrics.counter("debtwatch.analysis.blob.cache", "result", "hit");
        this.misses = metrics.counter("debtwatch.analysis.blob.cache", "result", "miss");
    }

    /**
     * @param repository the Git objects
     * @param commit     the commit whose tree is analysed
     * @return each file's analysis, and the settings problem if the repository's settings are invalid
     * @throws IOException when objects cannot be read
     */
    public Snapshot analyze(Repository repository, RevCommit commit) throws IOException {
        try (ObjectReader reader = repository.newObjectReader()) {
            Settings settings = settings(reader, commit);
            Analyzer analyzer = new Analyzer(settings.settings());
            List<FileAnalysis> files = new ArrayList<>();
            try (TreeWalk walk = new TreeWalk(reader)) {
                walk.addTree(commit.getTree());
                walk.setRecursive(true);
                while (walk.next()) {
                    if (walk.getFileMode(0) == FileMode.GITLINK || walk.getFileMode(0) == FileMode.SYMLINK) {
                        continue;
                    }
                    files.add(analyzeBlob(analyzer, reader, walk.getPathString(), walk.getObjectId(0),
                            settings.key()));
                }
            }
            return new Snapshot(files, settings.problem());
        }
    }

    private FileAnalysis analyzeBlob(Analyzer analyzer, ObjectReader reader, String path, ObjectId blob,
            String settingsKey) throws IOException {
        String key = Analyzer.VERSION + ":" + settingsKey + ":" + blob.name() + ":" + path;
        FileAnalysis cached = cache.getIfPresent(key);
        if (cached != null) {
            hits.increment();
            return cached;
        }
        FileAnalysis result = stored.find(key).orElse(null);
        if (result == null) {
            misses.increment();
            long size = reader.getObjectSize(blob, org.eclipse.jgit.lib.Constants.OBJ_BLOB);
            result = size > AnalysisSettings.MAX_FILE_BYTES
                    ? FileAnalysis.skipped(path, "larger than " + AnalysisSettings.MAX_FILE_BYTES + " bytes")
                    : analyzer.analyzeFile(path, reader.open(blob).getBytes());
            stored.store(key, result);
        } else {
            hits.increment();
        }
        cache.put(key, result);
        return result;
    }

    private static Settings settings(ObjectReader reader, RevCommit commit) throws IOException {
        try (TreeWalk walk = TreeWalk.forPath(reader, SETTINGS_FILE, commit.getTree())) {
            if (walk == null) {
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

    /**
     * @param files   every file's analysis
     * @param problem why the repository's .debtwatch.yml could not be used, or null
     */
    public record Snapshot(List<FileAnalysis> files, String problem) {
    }

    private record Settings(AnalysisSettings settings, String key, String problem) {
    }
}
