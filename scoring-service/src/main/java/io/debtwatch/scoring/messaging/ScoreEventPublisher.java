package io.debtwatch.scoring.messaging;

import io.debtwatch.scoring.config.ScoringConfig;
import io.debtwatch.scoring.repository.ScoringDatabase;
import io.debtwatch.service.outbox.Outbox;
import io.debtwatch.service.outbox.OutboxMessage;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** The scoring service's outbox for score events on {@code debtwatch.score-events}. */
@ApplicationScoped
public class ScoreEventPublisher {

    static final String CHANNEL = "score-events";

    private final Outbox outbox;
    private final ScoringConfig config;

    ScoreEventPublisher(@Channel(CHANNEL) Emitter<String> emitter, ScoringDatabase database, ScoringConfig config) {
        this.outbox = new Outbox(database.get(), emitter, "/debtwatch/scoring-service");
        this.config = config;
    }

    /**
     * @param message a score event to send
     */
    public void enqueue(OutboxMessage message) {
        outbox.enqueue(message);
    }

    /** Sends what is pending. */
    @Scheduled(every = "${debtwatch.scoring.outbox-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void publishPending() {
        outbox.publishPending(config.outboxBatchSize(), sent -> { });
    }
}
