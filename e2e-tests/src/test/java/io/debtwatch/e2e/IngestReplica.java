package io.debtwatch.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.debtwatch.cli.up.PlatformLayout;
import io.debtwatch.cli.up.PlatformPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An ingest-service process of its own beside a {@link RunningPlatform}'s: the same packaged jar,
 * broker and database, its own HTTP port and data folder, started the way the platform starts its ingest.
 *
 * @param process the running JVM
 * @param port    its HTTP port
 * @param log     where its output goes
 */
record IngestReplica(ProcessHandle process, int port, Path log) implements AutoCloseable {

    /**
     * Starts a second ingest and waits until it is ready.
     *
     * @param extra environment variables on top of the platform's credentials
     */
    static IngestReplica start(RunningPlatform platform, PlatformPorts ports, int port, Path dataDir,
            Map<String, String> extra) {
        Path home = Path.of(System.getProperty("user.dir")).getParent();
        String mongo = "mongodb://127.0.0.1:" + ports.mongo();
        Map<String, String> env = new HashMap<>(platform.secretEnvironment());
        env.put("KAFKA_BOOTSTRAP_SERVERS", platform.kafka());
        env.put("MONGODB_URI", mongo);
        env.put("DEBTWATCH_DATA_DIR", dataDir.toAbsolutePath().toString());
        env.put("HTTP_PORT", Integer.toString(port));
        env.putAll(extra);
        List<String> command = List.of(ProcessHandle.current().info().command().orElseThrow(), "-Xmx512m",
                "-Dquarkus.profile=local", "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1",
                "-Dkafka.bootstrap.servers=" + platform.kafka(), "-Dquarkus.mongodb.connection-string=" + mongo,
                "-jar", new PlatformLayout(home).serviceJar("ingest-service").toString());
        Path log = platform.logDir().resolve("ingest-replica-" + port + ".log");
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            IngestReplica replica = new IngestReplica(builder.start().toHandle(), port, log);
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                    .failFast("the second ingest exited; see " + log, () -> !replica.process.isAlive())
                    .ignoreExceptions()
                    .until(() -> given().get(replica.url() + "/q/health/ready").statusCode() == 200);
            return replica;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a second ingest", e);
        }
    }

    /**
     * @return the ingest process the platform itself started, found among this JVM's descendants by its port
     */
    static ProcessHandle platformIngest(PlatformPorts ports) {
        String portFlag = "-Dquarkus.http.port=" + ports.ingest();
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().arguments().map(List::of)
                        .map(args -> args.contains(portFlag) && args.stream().anyMatch(a -> a.contains("ingest-service")))
                        .orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException("no ingest process on " + ports.ingest()));
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.onExit().get(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
        }
    }
}
