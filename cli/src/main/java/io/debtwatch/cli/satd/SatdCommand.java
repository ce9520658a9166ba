package io.debtwatch.cli.satd;

import io.debtwatch.analyzer.satd.SatdClassifier;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** `debtwatch satd`: one comment per line on stdin, one label per line on stdout (NONE or the debt type). */
@Command(name = "satd", mixinStandardHelpOptions = true,
        description = "Classify comments read from stdin, one per line: prints NONE or the debt type "
                + "(DESIGN, DEFECT, IMPLEMENTATION, TEST, DOCUMENTATION) per line.")
public final class SatdCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        SatdClassifier classifier = SatdClassifier.shipped();
        PrintWriter out = spec.commandLine().getOut();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            out.println(classifier.classify(line));
        }
        out.flush();
        return 0;
    }
}
