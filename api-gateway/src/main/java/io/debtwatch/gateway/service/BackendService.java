package io.debtwatch.gateway.service;

/** The internal services behind the gateway. */
public enum BackendService {
    INGEST("ingest-service"),
    ANALYSIS("analysis-service"),
    SCORING("scoring-service");

    private final String displayName;

    BackendService(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
