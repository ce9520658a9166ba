package io.debtwatch.cli.up;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The whole platform on this machine as child processes: the embedded Kafka broker and
 * MongoDB-wire server, then the four packaged services, each with its log under
 * {@code <data>/logs}. Used by {@code debtwatch up} and by the end-to-end tests.
 */
public final class Platform implements AutoCloseable {

    private static final Duration HEALTH_TIMEOUT = Duration.ofMillis(800);
    private static final String JBOSS_LOG_MANAGER = "-Djava.util.logging.manager=org.jboss.logmanager.LogManager";

    /**
     * JVM options of every child process by default. Six JVMs share the machine's cores: the C2
     * compiler threads took about 30 % of a 2-core machine during a backfill and repaid it only over
     * much longer runs, and G1's concurrent threads and barriers cost more than they save on heaps of
     * 512 MB to 1 GB. The measured effect is in docs/benchmarks.md; production images keep the JVM's
     * defaults.
     */
    public static final String DEFAULT_JVM_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

    private final PlatformLayout layout;
    private final PlatformPorts ports;
    private final Path dataDir;
    private final Map<String, String> secrets;
    private final List<String> jvmOptions;
    private final List<ManagedProcess> processes = Collections.synchronizedList(new ArrayList<>());
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(HEALTH_TIMEOUT).build();

    /**
     * @param layout  where the built artifacts are
     * @param ports   the ports to use
     * @param dataDir where data and logs go; kept between runs
     * @param secrets environment variables with credentials for the services (internal token,
     *                bootstrap admin key), passed only through the environment, never on a command line
     * @param jvmOptions options for every child JVM, separated by spaces (see {@link #DEFAULT_JVM_OPTIONS})
     */
    public Platform(PlatformLayout layout, PlatformPorts ports, Path dataDir, Map<String, String> secrets,
            String jvmOptions) {
        this.layout = layout;
        this.ports = ports;
        this.dataDir = dataDir.toAbsolutePath();
        this.secrets = Map.copyOf(secrets);
        this.jvmOptions = Arrays.stream(jvmOptions.trim().split("\\s+")).filter(o -> !o.isEmpty()).toList();
    }

    /**
     * Starts everything and waits until each part is healthy.
     *
     * @param timeout  how long to wait for the whole platform
     * @param progress receives the readiness of each part whenever it changes
     * @throws PlatformException when a part exits or is not healthy in time; what was started is stopped
     */
    public void start(Duration timeout, Consumer<Map<String, Boolean>> progress) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Boolean> ready = new LinkedHashMap<>();
        try {
            ManagedProcess mongo = startMongo();
            ManagedProcess kafka = startKafka();
            ready.put(mongo.name(), false);
            ready.put(kafka.name(), false);
            for (ServiceSpec service : ServiceSpec.values()) {
                ready.put(service.module(), false);
            }
            progress.accept(Collections.unmodifiableMap(new LinkedHashMap<>(ready)));
            awaitPort(mongo, ports.mongo(), deadline, ready, progress);
            awaitPort(kafka, ports.kafka(), deadline, ready, progress);
            Map<ServiceSpec, ManagedProcess> services = new LinkedHashMap<>();
            for (ServiceSpec service : ServiceSpec.values()) {
                services.put(service, startService(service));
            }
            awaitServices(services, deadline, ready, progress);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * @return the public URL
     */
    public String gatewayUrl() {
        return "http://127.0.0.1:" + ports.gateway();
    }

    /**
     * @param service a service
     * @return its own URL, reachable on this machine only
     */
    public String serviceUrl(ServiceSpec service) {
        return "http://127.0.0.1:" + ports.of(service);
    }

    /**
     * @return the broker's {@code bootstrap.servers}
     */
    public String kafkaBootstrapServers() {
        return "127.0.0.1:" + ports.kafka();
    }

    /**
     * @return where the logs are
     */
    public Path logDir() {
        return dataDir.resolve("logs");
    }

    /**
     * @return the name of the first child process that is no longer running, or null
     */
    public String firstExited() {
        synchronized (processes) {
            return processes.stream().filter(p -> !p.alive()).map(ManagedProcess::name).findFirst().orElse(null);
        }
    }

    /** Stops the services first, then the broker and the database server, each gently. */
    @Override
    public void close() {
        List<ManagedProcess> running;
        synchronized (processes) {
            running = new ArrayList<>(processes);
            processes.clear();
        }
        Collections.reverse(running);
        for (ManagedProcess process : running) {
            process.stop(Duration.ofSeconds(20));
        }
    }

    private ManagedProcess startMongo() {
        return launch("mongodb", command("-Xmx1g", JBOSS_LOG_MANAGER, "-cp", layout.infraClasspath(),
                "io.debtwatch.infra.mongo.MongoWireServerMain", "--data",
                dataDir.resolve("mongo/debtwatch.mv").toString(), "--port", Integer.toString(ports.mongo())),
                Map.of());
    }

    private ManagedProcess startKafka() {
        return launch("kafka", command("-Xmx512m", JBOSS_LOG_MANAGER, "-cp", layout.infraClasspath(),
                "io.debtwatch.infra.kafka.KafkaBrokerMain", "--data", dataDir.resolve("kafka").toString(),
                "--port", Integer.toString(ports.kafka()), "--controller-port",
                Integer.toString(ports.kafkaController())), Map.of());
    }

    private ManagedProcess startService(ServiceSpec service) {
        Map<String, String> env = new LinkedHashMap<>(secrets);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers());
        env.put("MONGODB_URI", "mongodb://127.0.0.1:" + ports.mongo());
        env.put("DEBTWATCH_DATA_DIR", dataDir.resolve(service.shortName()).toString());
        env.put("INGEST_MIRRORS_DIR", dataDir.resolve(ServiceSpec.INGEST.shortName()).resolve("mirrors").toString());
        env.put("INGEST_URL", serviceUrl(ServiceSpec.INGEST));
        env.put("ANALYSIS_URL", serviceUrl(ServiceSpec.ANALYSIS));
        env.put("SCORING_URL", serviceUrl(ServiceSpec.SCORING));
        env.put("HTTP_PORT", Integer.toString(ports.of(service)));
        return launch(service.module(), command("-Xmx512m", "-Dquarkus.profile=local",
                "-Dquarkus.http.port=" + ports.of(service), "-Dquarkus.http.host=127.0.0.1",
                "-Dkafka.bootstrap.servers=" + kafkaBootstrapServers(),
                "-Dquarkus.mongodb.connection-string=mongodb://127.0.0.1:" + ports.mongo(),
                "-jar", layout.serviceJar(service.module()).toString()), env);
    }

    /** The java command with the JVM options, then the given arguments. */
    private List<String> command(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmOptions);
        command.addAll(List.of(arguments));
        return command;
    }

    private ManagedProcess launch(String name, List<String> command, Map<String, String> env) {
        ManagedProcess process = ManagedProcess.start(name, command, env, layout.home(),
                logDir().resolve(name + ".log"));
        processes.add(process);
        return process;
    }

    private void awaitPort(ManagedProcess process, int port, long deadline, Map<String, Boolean> ready,
            Consumer<Map<String, Boolean>> progress) {
        while (!portOpen(port)) {
            checkStillRunning(process, deadline);
            pause();
        }
        ready.put(process.name(), true);
        progress.accept(Collections.unmodifiableMap(new LinkedHashMap<>(ready)));
    }

    private void awaitServices(Map<ServiceSpec, ManagedProcess> services, long deadline,
            Map<String, Boolean> ready, Consumer<Map<String, Boolean>> progress) {
        Map<ServiceSpec, ManagedProcess> waiting = new LinkedHashMap<>(services);
        while (!waiting.isEmpty()) {
            for (Map.Entry<ServiceSpec, ManagedProcess> service : List.copyOf(waiting.entrySet())) {
                checkStillRunning(service.getValue(), deadline);
                if (healthy(serviceUrl(service.getKey()) + "/q/health/ready")) {
                    waiting.remove(service.getKey());
                    ready.put(service.getValue().name(), true);
                    progress.accept(Collections.unmodifiableMap(new LinkedHashMap<>(ready)));
                }
            }
            if (!waiting.isEmpty()) {
                pause();
            }
        }
    }

    private void checkStillRunning(ManagedProcess process, long deadline) {
        if (!process.alive()) {
            throw new PlatformException(process.name() + " exited while starting; the end of "
                    + process.log() + ":" + System.lineSeparator() + process.tail(25));
        }
        if (System.nanoTime() > deadline) {
            throw new PlatformException(process.name() + " was not ready in time; the end of " + process.log()
                    + ":" + System.lineSeparator() + process.tail(25));
        }
    }

    private boolean healthy(String url) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(HEALTH_TIMEOUT)
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted while waiting for " + url);
        }
    }

    private static boolean portOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted while starting the platform");
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command()
                .orElseThrow(() -> new UncheckedIOException(new IOException("cannot tell which java runs this")));
    }
}
