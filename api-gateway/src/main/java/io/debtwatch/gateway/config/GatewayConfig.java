package io.debtwatch.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Typed configuration of the gateway: where the services are, how calls to them are guarded, who gets in. */
@ConfigMapping(prefix = "debtwatch.gateway")
public interface GatewayConfig {

    /** Base URL of ingest-service (repositories, sync, push hooks). */
    URI ingestUrl();

    /** Base URL of analysis-service (re-analysis). */
    URI analysisUrl();

    /** Base URL of scoring-service (scores, reports, webhooks). */
    URI scoringUrl();

    /** Credential sent to the services as X-DebtWatch-Internal-Token; none means the header is not sent. */
    Optional<String> internalToken();

    /** A key with every scope for {@link #bootstrapOrg()}, for the first run; never stored. */
    Optional<String> bootstrapAdminKey();

    /** The org the bootstrap admin key belongs to. */
    @WithDefault("acme")
    String bootstrapOrg();

    /** Largest request body accepted, in bytes; larger ones get 413. */
    @WithDefault("1048576")
    long maxBodyBytes();

    /** Calls to the services. */
    Upstream upstream();

    /** API-key authentication. */
    Auth auth();

    /** Token-bucket rate limits per key. */
    RateLimit rateLimit();

    /** How calls to the internal services are bounded. */
    interface Upstream {

        /** Time allowed to open a connection to a service. */
        @WithDefault("2s")
        Duration connectTimeout();

        /** Time allowed for a service's whole answer. */
        @WithDefault("10s")
        Duration requestTimeout();

        /** Retries of an idempotent GET after a connection failure or timeout. */
        @WithDefault("2")
        int getRetries();

        /** Pause between two retries. */
        @WithDefault("200ms")
        Duration retryDelay();

        /** Calls in the rolling window before the circuit breaker may open. */
        @WithDefault("4")
        int breakerVolume();

        /** Share of failed calls in the window that opens the breaker. */
        @WithDefault("0.5")
        double breakerFailureRatio();

        /** How long an open breaker answers 503 at once before it lets a trial call through. */
        @WithDefault("5s")
        Duration breakerDelay();
    }

    /** API-key authentication switches. */
    interface Auth {

        /** Whether /api/v1 calls need an API key; off only for local experiments. */
        @WithDefault("true")
        boolean enabled();

        /** How long after its last recorded use a key's last-used time is written again. */
        @WithDefault("60s")
        Duration lastUsedResolution();
    }

    /** Token-bucket parameters, the same for every key. */
    interface RateLimit {

        /** Burst size: tokens a full bucket holds. */
        @WithDefault("120")
        int capacity();

        /** Tokens added per second. */
        @WithDefault("2")
        double refillPerSecond();
    }
}
