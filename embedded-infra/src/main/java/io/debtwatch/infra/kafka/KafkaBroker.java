package io.debtwatch.infra.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.jboss.logging.Logger;

/**
 * A real single-node Kafka broker in KRaft mode (combined broker and controller), started from the
 * Kafka server artifacts. Its log directory survives restarts: starting again on the same directory
 * keeps every topic and offset.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KafkaBroker.class);

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private KafkaBroker(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Formats the log directory if it is new, starts the broker and creates the platform's topics.
     *
     * @param logDir         where the broker keeps its data
     * @param port           the client port on 127.0.0.1
     * @param controllerPort the KRaft controller port on 127.0.0.1
     * @param partitions     partitions of each platform topic
     * @return the running broker
     */
    public static KafkaBroker start(Path logDir, int port, int controllerPort, int partitions) {
        Properties props = brokerProperties(logDir, port, controllerPort, partitions);
        format(logDir, props);
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
        String bootstrap = "127.0.0.1:" + port;
        PlatformTopics.create(bootstrap, partitions);
        LOG.infof("Kafka broker ready on %s (data in %s)", bootstrap, logDir);
        return new KafkaBroker(server, bootstrap);
    }

    /**
     * @return the {@code bootstrap.servers} value for clients
     */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    private static Properties brokerProperties(Path logDir, int port, int controllerPort, int partitions) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", logDir.toAbsolutePath().toString());
        props.put("num.partitions", Integer.toString(partitions));
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "4");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "true");
        return props;
    }

    private static void format(Path logDir, Properties props) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(logDir);
            Path config = Files.createTempFile("debtwatch-kafka", ".properties");
            try (OutputStream out = Files.newOutputStream(config)) {
                props.store(out, "DebtWatch embedded broker");
            }
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            int code = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(),
                "-c", config.toString()},
                new PrintStream(output, true, StandardCharsets.UTF_8));
            Files.deleteIfExists(config);
            if (code != 0) {
                throw new IllegalStateException("formatting Kafka storage in " + logDir + " failed: "
                        + output.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Kafka storage in " + logDir, e);
        }
    }
}
