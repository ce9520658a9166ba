package io.debtwatch.cli.scan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.debtwatch.analyzer.AnalysisSettings;
import io.debtwatch.analyzer.Analyzer;
import io.debtwatch.analyzer.SettingsException;
import io.debtwatch.analyzer.report.SarifReport;
import io.debtwatch.analyzer.satd.SatdClassifier;
import io.debtwatch.analyzer.scan.ScanResult;
import io.debtwatch.analyzer.scan.SourceEntry;
import io.debtwatch.analyzer.scan.TreeScan;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `debtwatch scan PATH`: analyse a working tree, or a Git repository at --rev, and print the score,
 *  the categories and the top findings; JSON or SARIF on request; --fail-above makes it a CI gate. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Analyse a working tree (or a Git revision) and print its prototype index.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:scanned (and under --fail-above)", "1:index above --fail-above", "2:input the scan cannot use"})
public final class ScanCommand implements Callable<Integer> {
    static final int EXIT_ABOVE = 1;
    static final int EXIT_BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PATH", description = "Directory or Git repository to scan.")
    Path path;

    @Option(names = "--rev", paramLabel = "REV", description = "Scan this Git revision (branch, tag, commit) instead of the working tree.")
    String rev;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text (default), json or sarif.")
    String format;

    @Option(names = "--fail-above", paramLabel = "N", description = "Exit with 1 when the prototype index exceeds N.")
    Double failAbove;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!List.of("text", "json", "sarif").contains(format)) {
            err.println("debtwatch scan: unknown --format '" + format + "' (use text, json or sarif)");
            return EXIT_BAD_INPUT;
        }
        SatdClassifier.preload();
        ScanResult result;
        String revision;
        List<Map<String, Object>> ages;
        List<String> problems = new ArrayList<>();
        try {
            Source source = source(problems);
            revision = source.revision();
            Analyzer analyzer = new Analyzer(settings(source.entries()));
            result = TreeScan.scan(analyzer, source.entries(), problems, progress(source.entries().size(), err));
            if (source.repository() == null) {
                ages = List.of();
            } else {
                try (org.eclipse.jgit.lib.Repository repository = source.repository()) {
                    ages = DebtAges.of(repository, revision, result.files(), problems);
                }
            }
        } catch (ScanException e) {
            err.println("debtwatch scan: " + e.getMessage());
            return EXIT_BAD_INPUT;
        }
        for (String problem : result.problems()) {
            err.println("warning: " + problem);
        }
        problems.stream().filter(p -> !result.problems().contains(p)).forEach(p -> err.println("warning: " + p));
        switch (format) {
            case "json" -> {
                Map<String, Object> report = JsonReport.of(result, path.toString(), revision);
                report.put("debtAges", ages);
                out.println(Json.MAPPER.writeValueAsString(report));
            }
            case "sarif" -> out.println(Json.MAPPER.writeValueAsString(SarifReport.of(result)));
            default -> {
                TextReport.print(out, result, path.toString(), revision);
                ages.stream().mapToLong(a -> (Long) a.get("ageDays")).max().ifPresent(days ->
                        out.println("Oldest debt comment: " + days + " days old (git blame)"));
            }
        }
        out.flush();
        if (failAbove != null && result.score().index() > failAbove) {
            err.println("debtwatch scan: prototype index " + result.score().index() + " is above " + failAbove);
            return EXIT_ABOVE;
        }
        return 0;
    }

    /** The JSON writer, made on first use: picocli creates every subcommand object when `debtwatch` starts, and an
     *  ObjectMapper loads some 400 classes that a text report (the default) never needs. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** The files to scan and the revision they come from (null for a working tree). */
    private record Source(List<SourceEntry> entries, String revision, org.eclipse.jgit.lib.Repository repository) {
    }

    private Source source(List<String> problems) throws ScanException, IOException {
        if (!Files.exists(path)) {
            throw new ScanException(path + " does not exist");
        }
        if (!Files.isDirectory(path)) {
            throw new ScanException(path + " is not a directory");
        }
        if (rev != null) {
            GitSource.Snapshot snapshot = GitSource.open(path, rev, problems);
            return new Source(snapshot.entries(), snapshot.commit(), snapshot.repository());
        }
        return new Source(TreeScan.listDirectory(path, problems), null, null);
    }

    private static AnalysisSettings settings(List<SourceEntry> entries) throws ScanException, IOException {
        for (SourceEntry entry : entries) {
            if (entry.path().equals(".debtwatch.yml") || entry.path().equals(".debtwatch.yaml")) {
                try {
                    return AnalysisSettings.parse(new String(entry.read(), StandardCharsets.UTF_8));
                } catch (SettingsException e) {
                    throw new ScanException("invalid " + entry.path() + ": " + e.getMessage());
                }
            }
        }
        return AnalysisSettings.defaults();
    }

    /** On a terminal, a progress line on stderr once the scan has run for a second. */
    private static IntConsumer progress(int total, PrintWriter err) {
        if (System.console() == null) {
            return done -> { };
        }
        long start = System.nanoTime();
        long[] last = {0};
        return done -> {
            long now = System.nanoTime();
            if (now - start > 1_000_000_000L && (now - last[0] > 200_000_000L || done == total)) {
                synchronized (last) {
                    last[0] = now;
                    err.print("\rscanning: " + done + "/" + total + " files" + (done == total ? "\n" : ""));
                    err.flush();
                }
            }
        };
    }
}
