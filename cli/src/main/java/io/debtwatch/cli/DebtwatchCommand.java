package io.debtwatch.cli;

import io.debtwatch.cli.up.UpCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code debtwatch} command and its subcommands. */
@Command(name = "debtwatch", mixinStandardHelpOptions = true, version = "DebtWatch 0.1.0",
        description = "Finds prototype code that slipped into production and tracks technical debt.",
        subcommands = {UpCommand.class})
public class DebtwatchCommand {

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(new CommandLine(new DebtwatchCommand()).execute(args));
    }
}
