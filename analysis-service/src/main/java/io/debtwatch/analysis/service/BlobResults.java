package io.debtwatch.analysis.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.debtwatch.analysis.config.AnalysisConfig;
import io.debtwatch.analysis.repository.BlobResultRepository;
import io.debtwatch.analyzer.Analyzer;
import io.debtwatch.analyzer.FileAnalysis;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;

/**
 * Per-file results: a Caffeine cache in front of MongoDB in front of the analyzer. The key holds
 * the path as well as the blob id because language, test-code and exclusion rules (and so every
 * fingerprint) depend on the path; a file that keeps its path and content is never analysed twice.
 * A result analysed now waits in memory, visible to every commit analysed after it, until
 * {@link #flush()} stores it together with the others of the batch; a snapshot or analysis that
 * needs it is stored only after that.
 */
@ApplicationScoped
@Startup
public class BlobResults {

    private final BlobResultRepository stored;
    private final Cache<String, FileAnalysis> cache;
    private final FileAnalysisPool pool;
    private final Counter hits;
    private final Counter misses;
    private final Counter carried;
    private final ConcurrentHashMap<String, FileAnalysis> unsaved = new ConcurrentHashMap<>();
    /** Keys a prefetch found absent, not asked for again until the batch is stored. */
    private final Set<String> absent = ConcurrentHashMap.newKeySet();

    BlobResults(BlobResultRepository stored, AnalysisConfig config, MeterRegistry metrics) {
        this.stored = stored;
        this.cache = Caffeine.newBuilder().maximumSize(config.blobCacheSize()).build();
        this.pool = new FileAnalysisPool(config.fileAnalysisThreads().orElse(Runtime.getRuntime().availableProcessors()),
                config.maxFileBytes());
        this.hits = metrics.counter("debtwatch.analysis.blob.cache", "result", "hit");
        this.misses = metrics.counter("debtwatch.analysis.blob.cache", "result", "miss");
        this.carried = metrics.counter("debtwatch.analysis.blob.cache", "result", "carried");
    }

    /**
     * Counts results a child took over from its parent's snapshot in memory, unchanged files that were
     * neither looked up nor analysed again.
     *
     * @param count how many
     */
    public void carried(int count) {
        carried.increment(count);
    }

    /**
     * @param settingsKey the settings in force, see {@link Snapshot#settingsKey()}
     * @param blobId      the blob
     * @param path        where the blob sits
     * @return the key of its result for this analyzer version
     */
    public static String key(String settingsKey, String blobId, String path) {
        return Analyzer.VERSION + ":" + settingsKey + ":" + blobId + ":" + path;
    }

    /**
     * The results of some files of one snapshot, with one MongoDB round trip for all of those not in
     * memory (a full walk asks for every file of the tree at once, a delta for the files it changed).
     *
     * @param analyzer    the analyzer configured with the snapshot's settings
     * @param reader      reads the blobs that have to be analysed
     * @param settingsKey the settings in force
     * @param blobs       path to blob, of the files wanted
     * @return path to result, in the order of {@code blobs}: cached, stored, or analysed now, several files
     *         at once (stored with the batch, see {@link #flush()})
     * @throws IOException when a blob cannot be read
     */
    public Map<String, FileAnalysis> get(Analyzer analyzer, ObjectReader reader, String settingsKey,
            Map<String, ObjectId> blobs) throws IOException {
        Map<String, FileAnalysis> known = new HashMap<>();
        List<String> lookUp = new ArrayList<>();
        for (Map.Entry<String, ObjectId> file : blobs.entrySet()) {
            String key = key(settingsKey, file.getValue().name(), file.getKey());
            FileAnalysis inMemory = cache.getIfPresent(key);
            if (inMemory == null) {
                inMemory = unsaved.get(key);
            }
            if (inMemory != null) {
                known.put(key, inMemory);
            } else {
                lookUp.add(key);
            }
        }
        lookUp.removeIf(absent::contains);
        if (!lookUp.isEmpty()) {
            Map<String, FileAnalysis> found = stored.findAll(lookUp);
            cache.putAll(found);
            known.putAll(found);
        }
        Map<String, ObjectId> unknown = new LinkedHashMap<>();
        blobs.forEach((path, blob) -> {
            if (!known.containsKey(key(settingsKey, blob.name(), path))) {
                unknown.put(path, blob);
            }
        });
        pool.analyseAll(analyzer, reader, unknown).forEach((path, result) -> {
            String key = key(settingsKey, unknown.get(path).name(), path);
            unsaved.put(key, result);
            known.put(key, result);
        });
        misses.increment(unknown.size());
        hits.increment(blobs.size() - unknown.size());
        Map<String, FileAnalysis> results = new LinkedHashMap<>();
        blobs.forEach((path, blob) -> results.put(path, known.get(key(settingsKey, blob.name(), path))));
        return results;
    }

    /**
     * Reads the results a batch of commits will ask for in one round trip before it is analysed: a
     * backfill's commits each change a few files never seen before, and looking them up commit by
     * commit cost a round trip each. Those found wait in memory; those absent are not asked for again
     * until {@link #flush()}.
     *
     * @param keys result keys the batch is likely to need
     */
    public void prefetch(Collection<String> keys) {
        List<String> lookUp = keys.stream().distinct()
                .filter(k -> cache.getIfPresent(k) == null && !unsaved.containsKey(k)).toList();
        if (lookUp.isEmpty()) {
            return;
        }
        Map<String, FileAnalysis> found = stored.findAll(lookUp);
        cache.putAll(found);
        lookUp.stream().filter(k -> !found.containsKey(k)).forEach(absent::add);
    }

    /**
     * @param keys result keys known to be stored
     * @return their results, in the order of the keys
     * @throws IllegalStateException when a result is missing, which means the snapshot is damaged
     */
    public List<FileAnalysis> getAll(Collection<String> keys) {
        Map<String, FileAnalysis> found = new HashMap<>(cache.getAllPresent(keys));
        if (!unsaved.isEmpty() && found.size() < keys.size()) {
            keys.stream().filter(k -> !found.containsKey(k)).forEach(k -> {
                FileAnalysis pending = unsaved.get(k);
                if (pending != null) {
                    found.put(k, pending);
                }
            });
        }
        hits.increment(found.size());
        List<String> missing = keys.stream().filter(k -> !found.containsKey(k)).toList();
        if (!missing.isEmpty()) {
            Map<String, FileAnalysis> loaded = stored.findAll(missing);
            hits.increment(loaded.size());
            cache.putAll(loaded);
            found.putAll(loaded);
        }
        List<FileAnalysis> result = new ArrayList<>(keys.size());
        for (String key : keys) {
            FileAnalysis analysis = found.get(key);
            if (analysis == null) {
                throw new IllegalStateException("no stored result " + key);
            }
            result.add(analysis);
        }
        return result;
    }

    /**
     * Stores every result analysed and not stored yet, in one round trip, whichever thread analysed
     * it: a result another thread's commit used is stored before this thread's analyses, too.
     */
    public void flush() {
        Map<String, FileAnalysis> batch = Map.copyOf(unsaved);
        stored.storeAll(batch);
        cache.putAll(batch);
        batch.forEach(unsaved::remove);
        absent.clear();
    }

    @PreDestroy
    void stop() {
        pool.close();
    }
}
