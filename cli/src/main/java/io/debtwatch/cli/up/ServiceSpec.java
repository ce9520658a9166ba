package io.debtwatch.cli.up;

/** The four services of the platform, in start order, with what each needs from the local run. */
public enum ServiceSpec {
    INGEST("ingest-service", "ingest"),
    ANALYSIS("analysis-service", "analysis"),
    SCORING("scoring-service", "scoring"),
    GATEWAY("api-gateway", "gateway");

    private final String module;
    private final String shortName;

    ServiceSpec(String module, String shortName) {
        this.module = module;
        this.shortName = shortName;
    }

    /**
     * @return the Maven module folder
     */
    public String module() {
        return module;
    }

    /**
     * @return the name used in logs, data folders and configuration prefixes
     */
    public String shortName() {
        return shortName;
    }
}
