package io.debtwatch.scoring.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of webhook subscriptions and deliveries ({@code debtwatch.webhooks.*}). */
@ConfigMapping(prefix = "debtwatch.webhooks")
public interface WebhookConfig {

    /** Delay before each attempt, the first usually 0; the delivery is dead-lettered after the last. */
    @WithDefault("0s,5s,5m,30m,2h,5h,10h,14h,20h,24h")
    List<Duration> retrySchedule();

    /** How long one attempt may take, connection included, before it counts as a timeout. */
    @WithDefault("15s")
    Duration timeout();

    /** How long a claimed delivery stays reserved to one worker; must exceed the timeout. */
    @WithDefault("60s")
    Duration lease();

    /** How often the worker looks for due deliveries when nothing woke it. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Attempts sent at once in this replica, across all endpoints. */
    @WithDefault("32")
    int workerThreads();

    /** Attempts sent at once to one subscription in this replica, so one slow receiver cannot take every thread. */
    @WithDefault("4")
    int perEndpointConcurrency();

    /** Whether this replica sends deliveries at all. */
    @WithDefault("true")
    boolean workerEnabled();

    /** How long the previous secret still signs deliveries after a rotation, unless the request says otherwise. */
    @WithDefault("24h")
    Duration rotationOverlap();

    /** Whether URLs on loopback addresses are accepted (local runs and tests only). */
    @WithDefault("false")
    boolean allowLoopback();

    /** Hosts or CIDR ranges accepted even though they resolve to private, loopback or link-local addresses. */
    Optional<List<String>> ssrfAllowlist();

    /** Most deliveries returned by one list request. */
    @WithDefault("100")
    int maxPageSize();
}
