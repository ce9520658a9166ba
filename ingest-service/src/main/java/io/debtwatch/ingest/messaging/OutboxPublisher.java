package io.debtwatch.ingest.messaging;

import io.debtwatch.ingest.config.IngestConfig;
import io.debtwatch.ingest.repository.IngestDatabase;
import io.debtwatch.ingest.repository.RepositoryStore;
import io.debtwatch.service.outbox.Outbox;
import io.debtwatch.service.outbox.OutboxMessage;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * The ingest service's outbox: commits and repository events are recorded with the change that
 * caused them and sent to Kafka from here; backfill progress counts what Kafka acknowledged.
 */
@ApplicationScoped
public class OutboxPublisher {

    static final String CHANNEL = "outbox";

    private final Outbox outbox;
    private final RepositoryStore repositories;
    private final IngestConfig config;

    OutboxPublisher(@Channel(CHANNEL) Emitter<String> emitter, IngestDatabase database, RepositoryStore repositories,
            IngestConfig config) {
        this.outbox = new Outbox(database.get(), emitter, "/debtwatch/ingest-service");
        this.repositories = repositories;
        this.config = config;
    }

    /**
     * @param message a message to send after the current change
     */
    public void enqueue(OutboxMessage message) {
        outbox.enqueue(message);
    }

    /** Sends what is pending; runs on a schedule and after each sync that found commits. */
    @Scheduled(every = "${debtwatch.ingest.outbox-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void publishPending() {
        outbox.publishPending(config.outboxBatchSize(), sent -> {
            if (sent.backfill()) {
                repositories.addBackfillEmitted(sent.subject(), 1);
            }
        });
    }
}
