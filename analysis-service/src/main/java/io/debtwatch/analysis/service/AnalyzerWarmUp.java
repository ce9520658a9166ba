package io.debtwatch.analysis.service;

import io.debtwatch.analyzer.AnalysisSettings;
import io.debtwatch.analyzer.Analyzer;
import io.debtwatch.analyzer.FileAnalysis;
import io.debtwatch.analyzer.syntax.TreeSitterNatives;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.debtwatch.analyzer.history.DebtAges;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.util.FileUtils;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Runs the analysis path once on samples while the service starts, before it reports ready. The
 * first use of each grammar loads its native library and compiles its query, and the first debt
 * comment loads the comment classifier; the first file analyses, tree walks, diffs and blames run
 * interpreted until the JIT compiles them. Without this, the first commit a new worker received (the
 * tip of a newly registered repository, which the user waits for) paid for all of that: in the
 * end-to-end benchmark its full walk took 1.0-1.4 s where a warm one takes 0.5 s, and the blame of
 * its debt 0.5 s where a warm one takes 0.17 s. The history samples are a small repository written
 * to a temporary folder and deleted again; nothing is stored, cached or counted. The beans of the
 * commit path are created at start-up as well ({@code @Startup}): created by the first commit, they
 * and the classes they load cost it about a quarter of a second.
 */
@ApplicationScoped
class AnalyzerWarmUp {

    private static final Logger LOG = Logger.getLogger(AnalyzerWarmUp.class);

    /** One file per grammar, each with a call, a caught exception and a comment the classifier reads. */
    static final Map<String, String> SAMPLES = Map.of(
            "warmup/Sample.java", """
                    class Sample {
                        // temporary workaround until the client retries on its own
                        void run() { try { work(); } catch (Exception e) { System.out.println(e); } }
                        void work() { }
                    }
                    """,
            "warmup/sample.py", """
                    # temporary workaround until the client retries on its own
                    def run():
                        try:
                            work()
                        except Exception as e:
                            print(e)
                    """,
            "warmup/sample.js", """
                    // temporary workaround until the client retries on its own
                    function run() { try { work(); } catch (e) { console.log(e); } }
                    """,
            "warmup/sample.ts", """
                    // temporary workaround until the client retries on its own
                    export function run(): void { try { work(); } catch (e) { console.log(e); } }
                    """,
            "warmup/Sample.tsx", """
                    // temporary workaround until the client retries on its own
                    export const Sample = () => <div onClick={() => console.log("run")}>run</div>;
                    """,
            "warmup/sample.go", """
                    package warmup

                    import "fmt"

                    // temporary workaround until the client retries on its own
                    func Run() { if err := work(); err != nil { fmt.Println(err) } }
                    """);

    /** Rounds over the samples: enough calls for the JIT to compile the analyzer's per-node code. */
    static final int ROUNDS = 40;
    /** Commits of the sample history, each changing one sample file. */
    static final int HISTORY_COMMITS = 24;

    void warmUp(@Observes StartupEvent started) {
        long began = System.nanoTime();
        List<FileAnalysis> results = analyseSamples();
        for (int round = 1; round < ROUNDS; round++) {
            analyseSamples();
        }
        long analysed = System.nanoTime();
        try {
            int dated = blameSampleHistory();
            LOG.infof("analyzer ready: %d grammars loaded on %s, %d rounds of samples in %d ms, %d debt comments of a "
                    + "sample history dated in %d ms", results.size(), TreeSitterNatives.optimised()
                    ? "the optimised tree-sitter library" : "the tree-sitter binding's own library", ROUNDS,
                    (analysed - began) / 1_000_000, dated,
                    (System.nanoTime() - analysed) / 1_000_000);
        } catch (IOException | GitAPIException e) {
            // only the first commit's latency depends on it
            LOG.warnf("the sample history could not be written, its warm-up is skipped: %s", e.getMessage());
        }
    }

    /**
     * Writes the samples to a temporary repository over {@link #HISTORY_COMMITS} commits, each adding a
     * debt comment to one of them, packs it as a fetched mirror is, and dates its debt comments with
     * blame, as a repository's first analysis does. The folder is deleted again.
     *
     * @return how many debt comments were dated
     * @throws IOException     when the folder cannot be written or read
     * @throws GitAPIException when a commit cannot be made
     */
    static int blameSampleHistory() throws IOException, GitAPIException {
        Path dir = Files.createTempDirectory("debtwatch-warmup");
        try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
            PersonIdent author = new PersonIdent("DebtWatch", "warmup@debtwatch.invalid", Instant.EPOCH, ZoneOffset.UTC);
            List<String> paths = List.copyOf(new TreeMap<>(SAMPLES).keySet());
            Map<String, String> contents = new HashMap<>(SAMPLES);
            for (int commit = 0; commit < HISTORY_COMMITS; commit++) {
                if (commit > 0) {
                    String path = paths.get(commit % paths.size());
                    contents.put(path, contents.get(path) + commentLine(path, commit));
                }
                for (Map.Entry<String, String> file : contents.entrySet()) {
                    Path target = dir.resolve(file.getKey());
                    Files.createDirectories(target.getParent());
                    Files.writeString(target, file.getValue());
                }
                git.add().addFilepattern(".").call();
                git.commit().setMessage("sample " + commit).setAuthor(author).setCommitter(author).setSign(false).call();
            }
            git.gc().call();
            Analyzer analyzer = new Analyzer(AnalysisSettings.defaults());
            List<FileAnalysis> files = contents.entrySet().stream()
                    .map(f -> analyzer.analyzeFile(f.getKey(), f.getValue().getBytes(StandardCharsets.UTF_8))).toList();
            Repository repository = git.getRepository();
            return DebtAges.written(repository, repository.resolve(Constants.HEAD), files).size();
        } finally {
            FileUtils.delete(dir.toFile(), FileUtils.RECURSIVE | FileUtils.RETRY);
        }
    }

    private static String commentLine(String path, int commit) {
        String marker = path.endsWith(".py") ? "#" : "//";
        // letters, not digits: a fingerprint leaves numbers out, and each comment is a finding of its own
        String name = String.valueOf((char) ('a' + commit % 26)).repeat(1 + commit / 26);
        return marker + " workaround for now, remove once the " + name + " service is fixed\n";
    }

    /**
     * @return the result of each sample, analysed with the default settings
     */
    static List<FileAnalysis> analyseSamples() {
        Analyzer analyzer = new Analyzer(AnalysisSettings.defaults());
        List<FileAnalysis> results = SAMPLES.entrySet().stream()
                .map(sample -> analyzer.analyzeFile(sample.getKey(), sample.getValue().getBytes(StandardCharsets.UTF_8)))
                .toList();
        analyzer.analyzeRepository(results);
        return results;
    }
}
