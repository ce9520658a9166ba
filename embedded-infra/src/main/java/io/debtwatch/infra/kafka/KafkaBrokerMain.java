package io.debtwatch.infra.kafka;

import io.debtwatch.infra.ProcessArgs;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the embedded broker as its own JVM, for {@code debtwatch up}:
 * {@code java -cp ... io.debtwatch.infra.kafka.KafkaBrokerMain --data DIR --port N --controller-port N}.
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    /**
     * @param args {@code --data DIR --port N --controller-port N [--partitions N]}
     * @throws InterruptedException when interrupted while serving
     */
    public static void main(String[] args) throws InterruptedException {
        ProcessArgs options = ProcessArgs.parse(args);
        KafkaBroker broker = KafkaBroker.start(Path.of(options.required("data")), options.intValue("port", 19092),
                options.intValue("controller-port", 19093), options.intValue("partitions", 4));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "kafka-shutdown"));
        stopped.await();
    }
}
