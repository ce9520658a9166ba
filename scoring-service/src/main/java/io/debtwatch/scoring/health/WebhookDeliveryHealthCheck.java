package io.debtwatch.scoring.health;

import io.debtwatch.scoring.config.WebhookConfig;
import io.debtwatch.scoring.repository.WebhookDeliveryRepository;
import io.debtwatch.scoring.service.WebhookDeliveryWorker;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of webhook delivery: the worker runs (where enabled) and the queue in MongoDB answers.
 * The number of deliveries overdue by more than a minute is reported, for alerting on a stuck queue.
 */
@Readiness
@ApplicationScoped
public class WebhookDeliveryHealthCheck implements HealthCheck {

    private static final long OVERDUE_SECONDS = 60;

    private final WebhookDeliveryWorker worker;
    private final WebhookDeliveryRepository deliveries;
    private final WebhookConfig config;

    public WebhookDeliveryHealthCheck(WebhookDeliveryWorker worker, WebhookDeliveryRepository deliveries,
            WebhookConfig config) {
        this.worker = worker;
        this.deliveries = deliveries;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("webhook-delivery")
                .withData("workerEnabled", config.workerEnabled()).withData("workerRunning", worker.running());
        try {
            response.withData("overdueDeliveries", deliveries.countOverdue(Instant.now().minusSeconds(OVERDUE_SECONDS)));
        } catch (RuntimeException e) {
            return response.down().withData("error", "delivery queue unreachable: " + e.getClass().getSimpleName())
                    .build();
        }
        return response.status(!config.workerEnabled() || worker.running()).build();
    }
}
