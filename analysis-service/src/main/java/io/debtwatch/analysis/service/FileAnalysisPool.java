package io.debtwatch.analysis.service;

import io.debtwatch.analyzer.Analyzer;
import io.debtwatch.analyzer.FileAnalysis;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;

/**
 * Analyses the files a commit changed (or every file of a full walk) on several threads at once. The
 * analysis of one commit waits for its files, and the commits of a repository are analysed one after
 * the other, so without this one core parsed while the other had little to do. The calling thread
 * reads the blobs (a Git reader is not shared between threads), a bounded number ahead of the
 * analysers, and collects the results in the order asked.
 */
final class FileAnalysisPool implements AutoCloseable {

    /** Blobs read ahead of the analysers at most: bounds the contents held in memory. */
    static final int READ_AHEAD = 32;

    private final ExecutorService threads;
    private final int size;
    private final long maxFileBytes;

    /**
     * @param size         how many threads analyse files
     * @param maxFileBytes files larger than this are skipped, not analysed
     */
    FileAnalysisPool(int size, long maxFileBytes) {
        this.size = size;
        this.maxFileBytes = maxFileBytes;
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(size, task -> {
            Thread thread = new Thread(task, "file-analysis-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * @param analyzer the analyzer configured with the snapshot's settings
     * @param reader   reads the blobs
     * @param files    path to blob
     * @return path to result, in the order of {@code files}
     * @throws IOException when a blob cannot be read
     */
    Map<String, FileAnalysis> analyseAll(Analyzer analyzer, ObjectReader reader, Map<String, ObjectId> files)
            throws IOException {
        Map<String, FileAnalysis> analysed = new LinkedHashMap<>();
        if (files.size() < 2 || size < 2) {
            for (Map.Entry<String, ObjectId> file : files.entrySet()) {
                analysed.put(file.getKey(), read(analyzer, reader, file.getKey(), file.getValue()).get());
            }
            return analysed;
        }
        List<Map.Entry<String, ObjectId>> all = new ArrayList<>(files.entrySet());
        for (int from = 0; from < all.size(); from += READ_AHEAD) {
            List<Map.Entry<String, ObjectId>> chunk = all.subList(from, Math.min(all.size(), from + READ_AHEAD));
            List<CompletableFuture<FileAnalysis>> running = new ArrayList<>(chunk.size());
            for (Map.Entry<String, ObjectId> file : chunk) {
                running.add(CompletableFuture.supplyAsync(read(analyzer, reader, file.getKey(), file.getValue()), threads));
            }
            for (int i = 0; i < chunk.size(); i++) {
                analysed.put(chunk.get(i).getKey(), join(running.get(i)));
            }
        }
        return analysed;
    }

    /** Reads a blob now; the returned step analyses it, on whichever thread runs it. */
    private Supplier<FileAnalysis> read(Analyzer analyzer, ObjectReader reader, String path, ObjectId blob)
            throws IOException {
        if (reader.getObjectSize(blob, Constants.OBJ_BLOB) > maxFileBytes) {
            FileAnalysis skipped = new FileAnalysis(path, "text", 0, false, "larger than " + maxFileBytes + " bytes",
                    Set.of(), List.of());
            return () -> skipped;
        }
        byte[] content = reader.open(blob, Constants.OBJ_BLOB).getBytes();
        return () -> analyzer.analyzeFile(path, content);
    }

    /** The analysis's own exception, as if it had run on the calling thread. */
    private static FileAnalysis join(CompletableFuture<FileAnalysis> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
