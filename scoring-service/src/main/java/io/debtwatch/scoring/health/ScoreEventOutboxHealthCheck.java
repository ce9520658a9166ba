package io.debtwatch.scoring.health;

import io.debtwatch.scoring.repository.OutboxRepository;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the score-event outbox: the database answers and reports how many events wait to be
 * sent. Kafka and MongoDB connectivity are checked by the Quarkus messaging and MongoDB checks.
 */
@Readiness
@ApplicationScoped
public class ScoreEventOutboxHealthCheck implements HealthCheck {

    private final OutboxRepository outbox;

    ScoreEventOutboxHealthCheck(OutboxRepository outbox) {
        this.outbox = outbox;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            return HealthCheckResponse.named("score-event-outbox").up().withData("pending", outbox.backlog()).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("score-event-outbox").down().withData("error", e.getMessage()).build();
        }
    }
}
