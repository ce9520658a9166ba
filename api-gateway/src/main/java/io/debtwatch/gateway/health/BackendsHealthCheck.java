package io.debtwatch.gateway.health;

import io.debtwatch.gateway.config.GatewayConfig;
import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Whether the internal services answer their liveness probe, at {@code /q/health/group/backends}.
 * Kept out of the gateway's own readiness on purpose: when one service is down the gateway still
 * serves the rest and answers 503 for that one.
 */
@HealthGroup("backends")
@ApplicationScoped
public class BackendsHealthCheck implements HealthCheck {

    private final GatewayConfig config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    BackendsHealthCheck(GatewayConfig config) {
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("backends").up();
        for (Map.Entry<String, URI> backend : Map.of("ingest-service", config.ingestUrl(), "analysis-service",
                config.analysisUrl(), "scoring-service", config.scoringUrl()).entrySet()) {
            boolean up = alive(backend.getValue());
            response.withData(backend.getKey(), up ? "UP" : "DOWN");
            if (!up) {
                response.down();
            }
        }
        return response.build();
    }

    private boolean alive(URI base) {
        try {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(base.resolve("/q/health/live"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
