package io.debtwatch.cli.up;

import io.debtwatch.infra.FreePorts;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code debtwatch up}: the whole platform on this machine, on the embedded broker and database
 * server, until Ctrl-C.
 */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Start the embedded Kafka broker and MongoDB-wire server and the four services; Ctrl-C stops all.")
public class UpCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data-dir", defaultValue = ".debtwatch",
            description = "Where data and logs are kept between runs (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--port", defaultValue = "8080", description = "The gateway's port (default: ${DEFAULT-VALUE}).")
    int gatewayPort;

    @Option(names = "--timeout", defaultValue = "180",
            description = "Seconds to wait for everything to be healthy (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--jvm-options", defaultValue = Platform.DEFAULT_JVM_OPTIONS,
            description = "Options of every child JVM, separated by spaces (default: ${DEFAULT-VALUE}).")
    String jvmOptions;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PlatformPorts defaults = PlatformPorts.defaults();
        PlatformPorts ports = new PlatformPorts(gatewayPort, defaults.ingest(), defaults.analysis(),
                defaults.scoring(), defaults.kafka(), defaults.kafkaController(), defaults.mongo());
        for (Map.Entry<String, Integer> port : ports.byOwner().entrySet()) {
            if (FreePorts.inUse(port.getValue())) {
                err.printf("debtwatch up: port %d (for the %s) is already in use; stop what uses it%s%n",
                        port.getValue(), port.getKey(), port.getKey().equals("gateway") ? " or pass --port" : "");
                return 2;
            }
        }
        PlatformLayout layout = new PlatformLayout(Path.of(System.getProperty("debtwatch.home", ".")));
        if (!layout.missing().isEmpty()) {
            err.println("debtwatch up: the platform is not built (missing " + layout.missing().get(0)
                    + "); run ./debtwatch up from the checkout, which builds it");
            return 2;
        }
        Path data = dataDir.toAbsolutePath();
        LocalSecrets secrets = LocalSecrets.loadOrCreate(data);
        Platform platform = new Platform(layout, ports, data, secrets.environment(), jvmOptions);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println();
            out.println("Stopping DebtWatch...");
            out.flush();
            platform.close();
            stopped.countDown();
        }, "debtwatch-up-shutdown"));
        ProgressLine progress = new ProgressLine(out, System.console() != null);
        out.println("Starting DebtWatch (data in " + data + ", logs in " + platform.logDir() + ")");
        try {
            platform.start(Duration.ofSeconds(timeoutSeconds), progress::show);
        } catch (PlatformException e) {
            progress.finish();
            err.println("debtwatch up: " + e.getMessage());
            return 1;
        }
        progress.finish();
        printWelcome(out, platform, secrets, data);
        while (platform.firstExited() == null) {
            Thread.sleep(1000);
        }
        err.println("debtwatch up: " + platform.firstExited() + " exited; see " + platform.logDir()
                + ". Stopping the rest.");
        return 1;
    }

    private static void printWelcome(PrintWriter out, Platform platform, LocalSecrets secrets, Path data) {
        out.println();
        out.println("DebtWatch is up.");
        out.println("  Gateway:    " + platform.gatewayUrl() + "   (dashboard at /, API under /api/v1, docs at /q/swagger-ui)");
        out.println("  Logs:       " + platform.logDir());
        out.println("  Kafka:      " + platform.kafkaBootstrapServers());
        if (secrets.adminKeyIsNew()) {
            out.println("  Admin key:  " + secrets.bootstrapAdminKey() + "   (shown once; org 'acme'; kept in "
                    + "the data folder's bootstrap-admin-key)");
        } else {
            out.println("  Admin key:  in the data folder's bootstrap-admin-key (made on the first run)");
        }
        out.println();
        out.println("Try:");
        out.println("  curl -X POST " + platform.gatewayUrl() + "/api/v1/orgs/acme/repositories \\");
        out.println("       -H \"Authorization: Bearer $(cat " + data.resolve("bootstrap-admin-key") + ")\" \\");
        out.println("       -H 'Content-Type: application/json' -d '{\"url\": \"'$PWD'\", \"team\": \"payments\"}'");
        out.println();
        out.println("Ctrl-C stops everything.");
        out.flush();
    }

    /** One progress line that rewrites itself on a terminal and prints changes elsewhere. */
    static final class ProgressLine {
        private final PrintWriter out;
        private final boolean terminal;
        private final long startedAt = System.nanoTime();

        ProgressLine(PrintWriter out, boolean terminal) {
            this.out = out;
            this.terminal = terminal;
        }

        void show(Map<String, Boolean> ready) {
            long seconds = Duration.ofNanos(System.nanoTime() - startedAt).toSeconds();
            String parts = ready.entrySet().stream()
                    .map(e -> e.getKey() + (e.getValue() ? " ready" : " ..."))
                    .collect(Collectors.joining("  "));
            out.print((terminal ? "\r" : "") + String.format("[%3ds] %s", seconds, parts) + (terminal ? "" : "\n"));
            out.flush();
        }

        void finish() {
            if (terminal) {
                out.println();
            }
        }
    }
}
