package io.debtwatch.cli;

import io.debtwatch.cli.satd.SatdCommand;
import io.debtwatch.cli.scan.ScanCommand;
import io.debtwatch.cli.up.UpCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level `debtwatch` command; each subcommand lives in its own package. */
@Command(name = "debtwatch", mixinStandardHelpOptions = true, version = "debtwatch 0.1.0",
        description = "Find and score the prototype debt of a code base.",
        subcommands = {UpCommand.class, ScanCommand.class, SatdCommand.class})
public final class DebtwatchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new DebtwatchCommand()).execute(args));
    }
}
