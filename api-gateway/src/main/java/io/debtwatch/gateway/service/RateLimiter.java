package io.debtwatch.gateway.service;

import io.debtwatch.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per API key, in memory: a full bucket allows a burst of {@code capacity} calls, and
 * tokens come back at {@code refill-per-second}. With several gateway replicas each enforces its own
 * share, which is the accepted trade-off for not adding a shared store to every call.
 */
@ApplicationScoped
public class RateLimiter {

    private final int capacity;
    private final double refillPerNano;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(GatewayConfig config) {
        this.capacity = config.rateLimit().capacity();
        this.refillPerNano = config.rateLimit().refillPerSecond() / 1_000_000_000d;
    }

    /**
     * @param keyId the caller's key
     * @return whether the call may go on, and the figures for the RateLimit headers
     */
    public Decision take(String keyId) {
        return buckets.computeIfAbsent(keyId, id -> new Bucket(capacity, System.nanoTime())).take(System.nanoTime());
    }

    /** @param keyId a revoked key, whose bucket is no longer needed */
    public void forget(String keyId) {
        buckets.remove(keyId);
    }

    /**
     * The outcome of one call against the bucket.
     *
     * @param allowed           whether a token was taken
     * @param limit             the bucket's capacity
     * @param remaining         whole tokens left
     * @param resetSeconds      seconds until the bucket is full again
     * @param retryAfterSeconds seconds until the next token, 0 when allowed
     */
    public record Decision(boolean allowed, int limit, int remaining, long resetSeconds, long retryAfterSeconds) {
    }

    private final class Bucket {

        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        synchronized Decision take(long now) {
            tokens = Math.min(capacity, tokens + (now - refilledAt) * refillPerNano);
            refilledAt = now;
            boolean allowed = tokens >= 1;
            if (allowed) {
                tokens -= 1;
            }
            long reset = seconds((capacity - tokens) / refillPerNano);
            long retryAfter = allowed ? 0 : Math.max(1, seconds((1 - tokens) / refillPerNano));
            return new Decision(allowed, capacity, (int) Math.floor(tokens), reset, retryAfter);
        }

        private long seconds(double nanos) {
            return (long) Math.ceil(nanos / 1_000_000_000d);
        }
    }
}
