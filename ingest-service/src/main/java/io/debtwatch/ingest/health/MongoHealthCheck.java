package io.debtwatch.ingest.health;

import io.debtwatch.ingest.repository.IngestDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Pings the service's own database: the registry, leases and outbox all live there, so without it
 * the service can neither accept registrations nor send events.
 */
@Liveness
@Readiness
@ApplicationScoped
public class MongoHealthCheck implements HealthCheck {

    private final IngestDatabase database;

    public MongoHealthCheck(IngestDatabase database) {
        this.database = database;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            database.get().runCommand(new Document("ping", 1));
            return HealthCheckResponse.named("ingest-mongodb").up().withData("database", database.get().getName())
                    .build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("ingest-mongodb").down().withData("error", e.getMessage()).build();
        }
    }
}
