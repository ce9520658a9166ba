package io.debtwatch.gateway.service;

import io.debtwatch.gateway.config.GatewayConfig;
import io.debtwatch.service.problem.ProblemException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Passes a request on to an internal service and brings its answer back. Every call has a connect and a
 * request timeout; idempotent GETs are retried after a connection failure; one circuit breaker per
 * service turns a service that is down into an immediate 503 problem until a trial call succeeds.
 */
@ApplicationScoped
public class ServiceForwarder {

    /** The header that carries the internal credential to the services. */
    public static final String INTERNAL_TOKEN_HEADER = "X-DebtWatch-Internal-Token";

    private static final Logger LOG = Logger.getLogger(ServiceForwarder.class);

    /** Headers of a service's answer that the client needs; the rest are the service's business. */
    private static final Set<String> PASSED_BACK = Set.of("content-type", "location", "retry-after", "etag",
            "link", "content-disposition", "cache-control", "ratelimit-limit", "ratelimit-remaining",
            "ratelimit-reset");

    private final GatewayConfig config;
    private final HttpClient client;
    private final Map<Backend, Guard> readGuards = new EnumMap<>(Backend.class);
    private final Map<Backend, Guard> writeGuards = new EnumMap<>(Backend.class);

    ServiceForwarder(GatewayConfig config) {
        this.config = config;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.upstream().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        for (Backend backend : Backend.values()) {
            readGuards.put(backend, guard(backend, true));
            writeGuards.put(backend, guard(backend, false));
        }
    }

    /**
     * @param backend the service that serves the path
     * @param request what the client sent
     * @return the service's answer
     * @throws ProblemException 503 when the service is down or its breaker is open, 504 on a timeout
     */
    public ForwardResponse forward(Backend backend, ForwardRequest request) {
        Guard guard = (request.idempotentRead() ? readGuards : writeGuards).get(backend);
        try {
            return guard.call(() -> send(backend, request), ForwardResponse.class);
        } catch (CircuitBreakerOpenException e) {
            throw unavailable(backend, "is unavailable; calls are paused while it recovers");
        } catch (HttpTimeoutException e) {
            throw new ProblemException(504, "upstream-timeout", "Gateway timeout",
                    backend.serviceName() + " did not answer in time", List.of(), Map.of());
        } catch (IOException e) {
            LOG.warnf("%s unreachable for %s %s: %s", backend.serviceName(), request.method(), request.path(),
                    e.toString());
            throw unavailable(backend, "cannot be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(backend, "call was interrupted");
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("call to " + backend.serviceName() + " failed", e);
        }
    }

    /**
     * @param backend a service
     * @return its base URL from configuration
     */
    public URI baseUrl(Backend backend) {
        return switch (backend) {
            case INGEST -> config.ingestUrl();
            case ANALYSIS -> config.analysisUrl();
            case SCORING -> config.scoringUrl();
        };
    }

    private ForwardResponse send(Backend backend, ForwardRequest request) throws IOException, InterruptedException {
        String target = stripSlash(baseUrl(backend).toString()) + request.path()
                + (request.query() == null || request.query().isEmpty() ? "" : "?" + request.query());
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(target))
                .timeout(config.upstream().requestTimeout())
                .method(request.method(), request.body().length == 0 && !hasBody(request.method())
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
        config.internalToken().ifPresent(token -> builder.setHeader(INTERNAL_TOKEN_HEADER, token));
        HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        response.headers().map().forEach((name, values) -> {
            if (PASSED_BACK.contains(name.toLowerCase(Locale.ROOT))) {
                headers.put(name, values);
            }
        });
        return new ForwardResponse(response.statusCode(), headers, response.body());
    }

    private Guard guard(Backend backend, boolean retried) {
        GatewayConfig.Upstream upstream = config.upstream();
        Guard.Builder builder = Guard.create().withDescription(backend.serviceName() + (retried ? " reads" : " writes"));
        if (retried) {
            builder.withRetry().maxRetries(upstream.getRetries())
                    .delay(upstream.retryDelay().toMillis(), ChronoUnit.MILLIS)
                    .retryOn(IOException.class).abortOn(HttpTimeoutException.class).done();
        }
        return builder.withCircuitBreaker().failOn(IOException.class)
                .requestVolumeThreshold(upstream.breakerVolume())
                .failureRatio(upstream.breakerFailureRatio())
                .delay(upstream.breakerDelay().toMillis(), ChronoUnit.MILLIS)
                .done().build();
    }

    private ProblemException unavailable(Backend backend, String what) {
        long retryAfter = Math.max(1, config.upstream().breakerDelay().toSeconds());
        return new ProblemException(503, "unavailable", "Service unavailable", backend.serviceName() + " " + what,
                List.of(), Map.of("service", backend.serviceName(), "retryAfterSeconds", retryAfter));
    }

    private static boolean hasBody(String method) {
        return "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
