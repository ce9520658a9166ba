package io.debtwatch.analyzer.bench;

import io.debtwatch.analyzer.AnalysisSettings;
import io.debtwatch.analyzer.Analyzer;
import io.debtwatch.analyzer.scan.ScanResult;
import io.debtwatch.analyzer.scan.SourceEntry;
import io.debtwatch.analyzer.scan.TreeScan;
import io.debtwatch.analyzer.syntax.TreeSitterNatives;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** In-process throughput: generates the Java corpus (when asked) and scans a tree on all cores,
 *  after warm-up, printing lines per second. Usage: Benchmark generate DIR [LINES] | Benchmark scan DIR [ROUNDS]. */
public final class Benchmark {
    private Benchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[1]);
        if (args[0].equals("generate")) {
            int lines = args.length > 2 ? Integer.parseInt(args[2]) : 50_000;
            CorpusGenerator.generate(dir, lines);
            return;
        }
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        List<String> problems = new ArrayList<>();
        List<SourceEntry> entries = TreeScan.listDirectory(dir, problems);
        long bytes = 0;
        long lines = 0;
        for (SourceEntry e : entries) {
            byte[] b = e.read();
            bytes += b.length;
            for (byte x : b) {
                lines += x == '\n' ? 1 : 0;
            }
        }
        Analyzer analyzer = new Analyzer(AnalysisSettings.defaults());
        for (int i = 0; i < 2; i++) {
            TreeScan.scan(analyzer, entries, problems, d -> { });
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        double best = Double.MAX_VALUE;
        double cpu = Double.MAX_VALUE;
        ScanResult last = null;
        for (int i = 0; i < rounds; i++) {
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            last = TreeScan.scan(analyzer, entries, problems, d -> { });
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            cpu = Math.min(cpu, (os.getProcessCpuTime() - c0) / 1e9);
        }
        long findings = last.files().stream().mapToLong(f -> f.findings().size()).sum();
        System.out.printf(Locale.ROOT, "files=%d lines=%d bytes=%d cores=%d wall=%.3fs lines/s=%.0f cpu=%.3fs "
                + "lines/cpu-s=%.0f findings=%d index=%.1f load=%.1f tree-sitter=%s%n", entries.size(), lines, bytes,
                Runtime.getRuntime().availableProcessors(), best, lines / best, cpu, lines / cpu, findings,
                last.score().index(), os.getSystemLoadAverage(), TreeSitterNatives.optimised() ? "optimised" : "binding's own");
    }
}
