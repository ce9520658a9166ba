package io.debtwatch.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts one stand-in HTTP server per internal service, once per test JVM, and points the gateway at
 * them. The real services are tested in their own modules; here the gateway's HTTP behaviour is what
 * is under test.
 */
public class ServiceStandIns implements QuarkusTestResourceLifecycleManager {

    public static final StandInServer INGEST = new StandInServer("ingest");
    public static final StandInServer ANALYSIS = new StandInServer("analysis");
    public static final StandInServer SCORING = new StandInServer("scoring");

    private static boolean started;

    /** The token the gateway sends to the services in tests. */
    public static final String INTERNAL_TOKEN = "internal-test-token";

    @Override
    public synchronized Map<String, String> start() {
        synchronized (ServiceStandIns.class) {
            if (!started) {
                INGEST.start();
                ANALYSIS.start();
                SCORING.start();
                started = true;
            }
        }
        return Map.of("debtwatch.gateway.ingest-url", INGEST.url(),
                "debtwatch.gateway.analysis-url", ANALYSIS.url(),
                "debtwatch.gateway.scoring-url", SCORING.url(),
                "debtwatch.gateway.internal-token", INTERNAL_TOKEN);
    }

    @Override
    public void stop() {
        // the servers outlive each test class and end with the JVM
    }

    /** Back to the default answers, with nothing recorded. */
    public static void resetAll() {
        INGEST.reset();
        ANALYSIS.reset();
        SCORING.reset();
    }
}
