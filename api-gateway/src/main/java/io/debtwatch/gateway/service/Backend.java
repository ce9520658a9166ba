package io.debtwatch.gateway.service;

/** The internal services the gateway forwards to. */
public enum Backend {
    INGEST("ingest-service"),
    ANALYSIS("analysis-service"),
    SCORING("scoring-service");

    private final String serviceName;

    Backend(String serviceName) {
        this.serviceName = serviceName;
    }

    public String serviceName() {
        return serviceName;
    }
}
