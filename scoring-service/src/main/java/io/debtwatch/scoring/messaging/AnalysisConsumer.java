package io.debtwatch.scoring.messaging;

import io.debtwatch.events.CommitAnalyzed;
import io.debtwatch.events.EventJson;
import io.debtwatch.scoring.service.ScoringService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code debtwatch.analyses}. A message that cannot be read or scored throws, and the
 * dead-letter-queue failure strategy moves it to {@code debtwatch.analyses.dlq} with the error in
 * its headers; the partition moves on.
 */
@ApplicationScoped
public class AnalysisConsumer {

    static final String CHANNEL = "analyses";
    private static final Logger LOG = Logger.getLogger(AnalysisConsumer.class);

    private final ScoringService scoring;
    private final ScoreEventProducer producer;

    AnalysisConsumer(ScoringService scoring, ScoreEventProducer producer) {
        this.scoring = scoring;
        this.producer = producer;
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    void consume(String payload) {
        CommitAnalyzed analysis = EventJson.read(payload, CommitAnalyzed.class);
        if (scoring.record(analysis)) {
            sendRecorded();
        }
    }

    /** The score is stored with its events; when Kafka is slow the scheduled retry of the outbox sends them. */
    private void sendRecorded() {
        try {
            producer.flush();
        } catch (RuntimeException e) {
            LOG.warnf("score events stay in the outbox until the next retry: %s", e.getMessage());
        }
    }
}
