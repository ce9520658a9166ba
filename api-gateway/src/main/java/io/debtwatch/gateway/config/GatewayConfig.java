package io.debtwatch.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/** Configuration of the API gateway. */
@ConfigMapping(prefix = "debtwatch.gateway")
public interface GatewayConfig {

    /** Base URL of ingest-service. */
    URI ingestUrl();

    /** Base URL of analysis-service. */
    URI analysisUrl();

    /** Base URL of scoring-service. */
    URI scoringUrl();

    /** How long a call to a service may take before the gateway answers 503. */
    @WithDefault("PT10S")
    Duration serviceTimeout();

    /** The credential the gateway shows the internal services; empty when they do not check one. */
    @WithDefault("")
    String internalToken();

    /** Authentication of the public API. */
    Auth auth();

    /** How requests to /api/v1 are authenticated. */
    interface Auth {

        /** Whether /api/v1 requires an API key; off only in tests of the routing itself. */
        @WithDefault("true")
        boolean enabled();

        /** An admin key that exists from the first run on, so nobody is locked out; empty for none. */
        @WithDefault("")
        String bootstrapAdminKey();

        /** The organisation the bootstrap key belongs to. */
        @WithDefault("acme")
        String bootstrapOrg();
    }
}
