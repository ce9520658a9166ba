package io.debtwatch.gateway.service;

import io.debtwatch.gateway.config.GatewayConfig;
import io.debtwatch.service.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

/**
 * Calls the internal services: a timeout on every call, retries for idempotent reads only, and a
 * circuit breaker per service, so a service that is down costs callers a fast 503 and the gateway
 * recovers by itself when it is back.
 */
@ApplicationScoped
public class ServiceCaller {

    static final String INTERNAL_TOKEN_HEADER = "X-DebtWatch-Internal-Token";
    private static final Logger LOG = Logger.getLogger(ServiceCaller.class);

    private final GatewayConfig config;
    private final HttpClient http;

    ServiceCaller(GatewayConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.serviceTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * A read: safe to retry.
     *
     * @param service the service
     * @param request the request
     * @return the service's answer
     * @throws ProblemException 503 when the service cannot be reached in time
     */
    @Retry(maxRetries = 2, delay = 100, delayUnit = ChronoUnit.MILLIS, retryOn = ServiceUnavailable.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            failOn = ServiceUnavailable.class)
    public ForwardedResponse read(BackendService service, ForwardedRequest request) {
        return call(service, request);
    }

    /**
     * A change: never retried, the service may have acted on it.
     *
     * @param service the service
     * @param request the request
     * @return the service's answer
     * @throws ProblemException 503 when the service cannot be reached in time
     */
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            failOn = ServiceUnavailable.class)
    public ForwardedResponse write(BackendService service, ForwardedRequest request) {
        return call(service, request);
    }

    private ForwardedResponse call(BackendService service, ForwardedRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base(service) + request.pathAndQuery()))
                .timeout(config.serviceTimeout())
                .method(request.method(), request.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        builder.header("Accept", "application/json, application/problem+json");
        if (!config.internalToken().isEmpty()) {
            builder.header(INTERNAL_TOKEN_HEADER, config.internalToken());
        }
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            builder.header(header.getKey(), header.getValue());
        }
        try {
            HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new ForwardedResponse(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null), response.body(),
                    response.headers().firstValue("Location").orElse(null));
        } catch (HttpTimeoutException e) {
            throw new ServiceUnavailable(service.displayName() + " did not answer in " + config.serviceTimeout());
        } catch (IOException e) {
            LOG.warnf("%s unreachable: %s", service.displayName(), e.getMessage());
            throw new ServiceUnavailable(service.displayName() + " is unreachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailable("interrupted while calling " + service.displayName());
        }
    }

    private String base(BackendService service) {
        URI uri = switch (service) {
            case INGEST -> config.ingestUrl();
            case ANALYSIS -> config.analysisUrl();
            case SCORING -> config.scoringUrl();
        };
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /**
     * @param e the circuit breaker's refusal
     * @return the 503 problem the caller sees
     */
    public static ProblemException unavailable(CircuitBreakerOpenException e) {
        return ProblemException.unavailable("the service is failing; calls are paused for a few seconds");
    }

    /** A service could not be reached or did not answer in time: a 503 for the caller. */
    public static class ServiceUnavailable extends ProblemException {

        ServiceUnavailable(String detail) {
            super(503, "unavailable", "Service unavailable", detail, java.util.List.of(), java.util.Map.of());
        }
    }
}
