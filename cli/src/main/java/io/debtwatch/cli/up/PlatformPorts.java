package io.debtwatch.cli.up;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ports of a local platform run.
 *
 * @param gateway        the public entry
 * @param ingest         ingest-service
 * @param analysis       analysis-service
 * @param scoring        scoring-service
 * @param kafka          the broker's client port
 * @param kafkaController the broker's KRaft controller port
 * @param mongo          the MongoDB-wire server
 */
public record PlatformPorts(int gateway, int ingest, int analysis, int scoring, int kafka, int kafkaController,
        int mongo) {

    /**
     * @return the ports of {@code debtwatch up} when none are given
     */
    public static PlatformPorts defaults() {
        return new PlatformPorts(8080, 8181, 8182, 8183, 19092, 19093, 27117);
    }

    /**
     * @param service a service
     * @return its HTTP port
     */
    public int of(ServiceSpec service) {
        return switch (service) {
            case INGEST -> ingest;
            case ANALYSIS -> analysis;
            case SCORING -> scoring;
            case GATEWAY -> gateway;
        };
    }

    /**
     * @return every port by what uses it, for the check that they are free
     */
    public Map<String, Integer> byOwner() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("gateway", gateway);
        ports.put("ingest-service", ingest);
        ports.put("analysis-service", analysis);
        ports.put("scoring-service", scoring);
        ports.put("Kafka broker", kafka);
        ports.put("Kafka controller", kafkaController);
        ports.put("MongoDB-wire server", mongo);
        return ports;
    }
}
