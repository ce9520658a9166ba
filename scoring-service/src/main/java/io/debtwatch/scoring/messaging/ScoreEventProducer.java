package io.debtwatch.scoring.messaging;

import io.debtwatch.scoring.repository.OutboxRepository;
import io.debtwatch.scoring.repository.OutboxRepository.PendingEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Sends what the outbox holds to {@code debtwatch.score-events}, keyed by repoId with CloudEvents
 * headers, and marks each event sent only once the broker acknowledged it.
 */
@ApplicationScoped
public class ScoreEventProducer {

    static final String CHANNEL = "score-events";
    private static final Logger LOG = Logger.getLogger(ScoreEventProducer.class);
    private static final URI SOURCE = URI.create("/debtwatch/scoring-service");

    private final MutinyEmitter<String> emitter;
    private final OutboxRepository outbox;

    ScoreEventProducer(@Channel(CHANNEL) MutinyEmitter<String> emitter, OutboxRepository outbox) {
        this.emitter = emitter;
        this.outbox = outbox;
    }

    /** Sends every pending event; called after each recorded score and on a schedule for what failed before. */
    public synchronized void flush() {
        List<PendingEvent> pending = outbox.pending(500);
        for (PendingEvent event : pending) {
            emitter.sendMessageAndAwait(message(event));
            outbox.markSent(event.eventId());
        }
    }

    @Scheduled(every = "${debtwatch.scoring.outbox-retry-interval:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retry() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warnf("score events not sent yet, %d waiting: %s", outbox.backlog(), e.getMessage());
        }
    }

    private static Message<String> message(PendingEvent event) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_id", event.eventId().getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", event.ceType().getBytes(StandardCharsets.UTF_8));
        headers.add("ce_source", SOURCE.toString().getBytes(StandardCharsets.UTF_8));
        headers.add("ce_subject", event.subject().getBytes(StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.repoId()).withHeaders(headers).build();
        return Message.of(event.payload()).addMetadata(metadata);
    }
}
