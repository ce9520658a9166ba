package io.debtwatch.analysis.service;

import io.debtwatch.analyzer.AnalysisSettings;
import io.debtwatch.analyzer.Analyzer;
import io.debtwatch.analyzer.FileAnalysis;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Analyses one small file per grammar while the service starts, before it reports ready: the first
 * use of each grammar loads its native library and compiles its query, and the first debt comment
 * loads the comment classifier. Without this, the first commit a new worker received (the tip of a
 * newly registered repository, which the user waits for) also paid for all of that.
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

    void warmUp(@Observes StartupEvent started) {
        long began = System.nanoTime();
        List<FileAnalysis> results = analyseSamples();
        LOG.infof("analyzer ready: %d grammars loaded in %d ms", results.size(), (System.nanoTime() - began) / 1_000_000);
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
