package io.debtwatch.analyzer.scan;

import io.debtwatch.analyzer.Analyzer;
import io.debtwatch.analyzer.FileAnalysis;
import io.debtwatch.analyzer.Languages;
import io.debtwatch.analyzer.RepositoryAnalysis;
import io.debtwatch.analyzer.score.ScoreInputs;
import io.debtwatch.analyzer.score.ScoreModel;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/** Scans a snapshot: lists a working tree without following symlinks, analyses files on all cores,
 *  then runs the repository checks and the score model. */
public final class TreeScan {
    private TreeScan() {
    }

    /** Regular files under root (not .git), repository-relative; symlinks and unreadable
     *  directories are noted in problems and skipped, so loops cannot happen. */
    public static List<SourceEntry> listDirectory(Path root, List<String> problems) throws IOException {
        List<SourceEntry> entries = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return dir.getFileName() != null && dir.getFileName().toString().equals(".git") && !dir.equals(root)
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String rel = root.relativize(file).toString().replace('\\', '/');
                if (attrs.isSymbolicLink()) {
                    problems.add(rel + ": symbolic link not followed");
                } else if (attrs.isRegularFile()) {
                    entries.add(new FileEntry(rel, file, attrs.size()));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                problems.add(root.relativize(file) + ": unreadable (" + e.getClass().getSimpleName() + ")");
                return FileVisitResult.CONTINUE;
            }
        });
        entries.sort(Comparator.comparing(SourceEntry::path));
        return entries;
    }

    /** Analyses every entry in parallel; progress receives the number of files done so far. */
    public static ScanResult scan(Analyzer analyzer, List<SourceEntry> entries, List<String> problems, IntConsumer progress) {
        List<String> issues = Collections.synchronizedList(new ArrayList<>(problems));
        AtomicInteger done = new AtomicInteger();
        ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
        List<FileAnalysis> files;
        try {
            files = pool.submit(() -> entries.parallelStream().map(e -> {
                FileAnalysis result = analyzeOne(analyzer, e, issues);
                progress.accept(done.incrementAndGet());
                return result;
            }).toList()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("scan interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("scan failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdown();
        }
        RepositoryAnalysis repository = analyzer.analyzeRepository(files);
        return new ScanResult(files, repository, ScoreModel.score(ScoreInputs.from(files, repository)), List.copyOf(issues));
    }

    private static FileAnalysis analyzeOne(Analyzer analyzer, SourceEntry entry, List<String> issues) {
        if (entry.size() > analyzer.settings().threshold("max-file-bytes")) {
            return FileAnalysis.skipped(entry.path(), Languages.of(entry.path()), "too-large");
        }
        try {
            return analyzer.analyzeFile(entry.path(), entry.read());
        } catch (IOException e) {
            issues.add(entry.path() + ": unreadable (" + e.getMessage() + ")");
            return FileAnalysis.skipped(entry.path(), Languages.of(entry.path()), "unreadable");
        }
    }

    /** A file of a working tree. */
    private record FileEntry(String path, Path file, long size) implements SourceEntry {
        @Override
        public byte[] read() throws IOException {
            return Files.readAllBytes(file);
        }
    }
}
