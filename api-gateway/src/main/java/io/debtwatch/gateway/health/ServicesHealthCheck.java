package io.debtwatch.gateway.health;

import io.debtwatch.gateway.service.Backend;
import io.debtwatch.gateway.service.ServiceForwarder;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Readiness of the gateway: each internal service answers its own liveness endpoint. */
@Readiness
@ApplicationScoped
public class ServicesHealthCheck implements HealthCheck {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final ServiceForwarder forwarder;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT)
            .version(HttpClient.Version.HTTP_1_1).build();

    ServicesHealthCheck(ServiceForwarder forwarder) {
        this.forwarder = forwarder;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("internal services").up();
        Map<Backend, CompletableFuture<String>> probes = new EnumMap<>(Backend.class);
        for (Backend backend : Backend.values()) {
            probes.put(backend, probe(forwarder.baseUrl(backend)));
        }
        probes.forEach((backend, probe) -> {
            String state = probe.join();
            builder.withData(backend.serviceName(), state);
            if (!"UP".equals(state)) {
                builder.down();
            }
        });
        return builder.build();
    }

    /** The three probes run at once, so a readiness check takes one timeout at most, not three. */
    private CompletableFuture<String> probe(URI base) {
        URI live = URI.create(base.toString().replaceAll("/$", "") + "/q/health/live");
        return client.sendAsync(HttpRequest.newBuilder(live).timeout(PROBE_TIMEOUT).GET().build(),
                        HttpResponse.BodyHandlers.discarding())
                .thenApply(response -> response.statusCode() == 200 ? "UP" : "DOWN (HTTP " + response.statusCode() + ")")
                .exceptionally(failure -> "DOWN (" + rootCause(failure).getClass().getSimpleName() + ")");
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
