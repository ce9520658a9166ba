package io.debtwatch.analyzer.syntax;

import io.debtwatch.analyzer.Languages;
import io.debtwatch.analyzer.scan.SourceEntry;
import io.debtwatch.analyzer.scan.TreeScan;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.treesitter.TSInputEncoding;
import org.treesitter.TSParser;
import org.treesitter.TSQueryCursor;
import org.treesitter.TSQueryMatch;
import org.treesitter.TSTree;

/** The native floor under the analyzer's throughput: CPU time of tree-sitter alone (parse every tree-language
 *  file, then run the grammar's capture query to the end) on one thread, with no rule run. Part of the
 *  analyzer benchmark (docs/benchmarks.md). Usage: TreeSitterFloor DIR [ROUNDS]. */
public final class TreeSitterFloor {
    private TreeSitterFloor() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<String> problems = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        for (SourceEntry e : TreeScan.listDirectory(Path.of(args[0]), problems)) {
            if (Languages.TREE_LANGUAGES.contains(Languages.of(e.path()))) {
                paths.add(e.path());
                contents.add(e.read());
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double bestParse = Double.MAX_VALUE;
        double bestQuery = Double.MAX_VALUE;
        long captures = 0;
        for (int round = 0; round <= rounds; round++) {
            long parse = 0;
            long query = 0;
            captures = 0;
            for (int i = 0; i < paths.size(); i++) {
                Grammar grammar = Grammar.forFile(Languages.of(paths.get(i)), paths.get(i));
                TSParser parser = new TSParser();
                parser.setLanguage(grammar.tsLanguage);
                byte[] bytes = contents.get(i);
                long c0 = threads.getCurrentThreadCpuTime();
                TSTree tree = parser.parse(new byte[Math.max(1, bytes.length)], null, (buf, offset, position) -> {
                    int n = Math.max(0, Math.min(buf.length, bytes.length - offset));
                    System.arraycopy(bytes, offset, buf, 0, n);
                    return n;
                }, TSInputEncoding.TSInputEncodingUTF8);
                long c1 = threads.getCurrentThreadCpuTime();
                TSQueryCursor cursor = new TSQueryCursor();
                cursor.exec(grammar.query, tree.getRootNode());
                TSQueryMatch match = new TSQueryMatch();
                while (cursor.nextCapture(match)) {
                    captures++;
                }
                query += threads.getCurrentThreadCpuTime() - c1;
                parse += c1 - c0;
            }
            if (round > 0) {
                bestParse = Math.min(bestParse, parse / 1e9);
                bestQuery = Math.min(bestQuery, query / 1e9);
            }
        }
        System.out.printf(Locale.ROOT, "tree-sitter alone, one thread: files=%d parse=%.3fs query=%.3fs (captures=%d) "
                + "floor=%.3f CPU-s on the %s library%n", paths.size(), bestParse, bestQuery, captures, bestParse + bestQuery,
                TreeSitterNatives.optimised() ? "optimised" : "binding's own");
    }
}
