package io.debtwatch.ingest.messaging;

import io.debtwatch.events.CloudEventHeaders;
import io.debtwatch.ingest.config.IngestConfig;
import io.debtwatch.ingest.repository.OutboxMessage;
import io.debtwatch.ingest.repository.OutboxRepository;
import io.debtwatch.ingest.repository.RepositoryStore;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Sends the outbox to Kafka in order and marks each message sent only after the broker
 * acknowledged it. A message that fails stays pending and is sent again on the next round with
 * the same eventId.
 */
@ApplicationScoped
public class OutboxPublisher {

    static final String CHANNEL = "outbox";
    private static final Logger LOG = Logger.getLogger(OutboxPublisher.class);

    private final Emitter<String> emitter;
    private final OutboxRepository outbox;
    private final RepositoryStore repositories;
    private final IngestConfig config;

    OutboxPublisher(@Channel(CHANNEL) Emitter<String> emitter, OutboxRepository outbox,
            RepositoryStore repositories, IngestConfig config) {
        this.emitter = emitter;
        this.outbox = outbox;
        this.repositories = repositories;
        this.config = config;
    }

    /** Sends what is pending; runs on a schedule and after each sync. */
    @Scheduled(every = "${debtwatch.ingest.outbox-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public synchronized void publishPending() {
        List<OutboxMessage> pending = outbox.pending(config.outboxBatchSize());
        for (OutboxMessage message : pending) {
            try {
                send(message).get(30, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                LOG.warnf("sending %s to %s failed, will retry: %s", message.eventId(), message.topic(),
                        e.getMessage());
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            outbox.markSent(message.eventId(), Instant.now());
            if (message.backfill()) {
                repositories.addBackfillEmitted(message.repoId(), 1);
            }
        }
    }

    private CompletableFuture<Void> send(OutboxMessage message) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(message.topic()).withKey(message.key())
                .withHeaders(CloudEventHeaders.of(message.eventId(), message.ceType(), "/debtwatch/ingest-service",
                        message.repoId()))
                .build();
        emitter.send(Message.of(message.payload()).addMetadata(metadata)
                .withAck(() -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    acked.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                }));
        return acked;
    }
}
