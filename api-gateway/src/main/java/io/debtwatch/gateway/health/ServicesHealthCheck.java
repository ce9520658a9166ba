package io.debtwatch.gateway.health;

import io.debtwatch.gateway.service.Backend;
import io.debtwatch.gateway.service.ServiceForwarder;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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
        for (Backend backend : Backend.values()) {
            String state = probe(forwarder.baseUrl(backend));
            builder.withData(backend.serviceName(), state);
            if (!"UP".equals(state)) {
                builder.down();
            }
        }
        return builder.build();
    }

    private String probe(URI base) {
        URI live = URI.create(base.toString().replaceAll("/$", "") + "/q/health/live");
        try {
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(live).timeout(PROBE_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200 ? "UP" : "DOWN (HTTP " + response.statusCode() + ")";
        } catch (IOException e) {
            return "DOWN (" + e.getClass().getSimpleName() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "DOWN (interrupted)";
        }
    }
}
