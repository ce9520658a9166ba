package io.debtwatch.infra.mongo;

import io.debtwatch.infra.ProcessArgs;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the on-disk MongoDB-wire server as its own JVM, for {@code debtwatch up}:
 * {@code java -cp ... io.debtwatch.infra.mongo.MongoWireServerMain --data FILE --port N}.
 */
public final class MongoWireServerMain {

    private MongoWireServerMain() {
    }

    /**
     * @param args {@code --data FILE --port N}
     * @throws InterruptedException when interrupted while serving
     */
    public static void main(String[] args) throws InterruptedException {
        ProcessArgs options = ProcessArgs.parse(args);
        MongoWireServer server = MongoWireServer.onDisk(Path.of(options.required("data")),
                options.intValue("port", 27117));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "mongo-shutdown"));
        stopped.await();
    }
}
