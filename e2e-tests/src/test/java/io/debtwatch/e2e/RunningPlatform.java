package io.debtwatch.e2e;

import io.debtwatch.cli.up.LocalSecrets;
import io.debtwatch.cli.up.Platform;
import io.debtwatch.cli.up.PlatformLayout;
import io.debtwatch.cli.up.PlatformPorts;
import io.debtwatch.infra.FreePorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The packaged platform as separate processes on random ports, started the way {@code debtwatch up}
 * starts it, with its data in a folder of the test's.
 */
final class RunningPlatform implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RunningPlatform.class);

    /** The production schedule, compressed from minutes and hours to seconds, so retries happen in a test. */
    static final String WEBHOOK_RETRY_SCHEDULE = "0s,1s,2s,2s,2s,2s,2s,2s,2s,2s";

    private final Platform platform;
    private final LocalSecrets secrets;

    private RunningPlatform(Platform platform, LocalSecrets secrets) {
        this.platform = platform;
        this.secrets = secrets;
    }

    static PlatformPorts randomPorts() {
        return new PlatformPorts(FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), FreePorts.pick(),
                FreePorts.pick(), FreePorts.pick(), FreePorts.pick());
    }

    static RunningPlatform start(Path dataDir, PlatformPorts ports) {
        return start(dataDir, ports, Map.of());
    }

    /** @param extra environment variables for every process, on top of the platform's own */
    static RunningPlatform start(Path dataDir, PlatformPorts ports, Map<String, String> extra) {
        Path home = Path.of(System.getProperty("user.dir")).getParent();
        LocalSecrets secrets = LocalSecrets.loadOrCreate(dataDir);
        Map<String, String> environment = new HashMap<>(secrets.environment());
        environment.put("DEBTWATCH_WEBHOOKS_RETRY_SCHEDULE", WEBHOOK_RETRY_SCHEDULE);
        environment.putAll(extra);
        Platform platform = new Platform(new PlatformLayout(home), ports, dataDir, environment,
                System.getProperty("debtwatch.jvm-options", Platform.DEFAULT_JVM_OPTIONS));
        platform.start(Duration.ofMinutes(3), ready -> LOG.infof("platform: %s", ready));
        return new RunningPlatform(platform, secrets);
    }

    String gatewayUrl() {
        return platform.gatewayUrl();
    }

    String kafka() {
        return platform.kafkaBootstrapServers();
    }

    /** @return the folder of the processes' logs, {@code <name>.log} each */
    Path logDir() {
        return platform.logDir();
    }

    String adminKey() {
        return secrets.bootstrapAdminKey();
    }

    /** @return the credentials each service gets in its environment, for a further process of the test's own */
    Map<String, String> secretEnvironment() {
        return secrets.environment();
    }

    @Override
    public void close() {
        platform.close();
    }
}
