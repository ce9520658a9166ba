package io.debtwatch.infra.kafka;

import io.debtwatch.infra.FreePorts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/**
 * A Quarkus test resource with one real broker per test JVM: started by the first test class that
 * asks, shared by the rest, stopped when the JVM exits.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private static KafkaBroker broker;

    /**
     * @return the JVM's broker, started on first use
     */
    public static synchronized KafkaBroker broker() {
        if (broker == null) {
            try {
                broker = KafkaBroker.start(Files.createTempDirectory("debtwatch-kafka"), FreePorts.pick(),
                        FreePorts.pick(), 4);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            KafkaBroker started = broker;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "test-kafka-shutdown"));
        }
        return broker;
    }

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", broker().bootstrapServers(),
                "quarkus.kafka.devservices.enabled", "false");
    }

    @Override
    public void stop() {
        // the broker outlives each test class and stops with the JVM
    }
}
