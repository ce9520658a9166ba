package io.debtwatch.scoring.messaging;

import io.debtwatch.events.CommitAnalyzed;
import io.debtwatch.events.EventJson;
import io.debtwatch.scoring.service.ScoringService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code debtwatch.analyses}. A message that cannot be read or scored is nacked, which
 * sends it to {@code debtwatch.analyses.dlq} with the error in its headers.
 */
@ApplicationScoped
public class AnalysisConsumer {

    static final String INCOMING = "analyses";

    private final ScoringService scoring;
    private final ScoreEventPublisher events;

    AnalysisConsumer(ScoringService scoring, ScoreEventPublisher events) {
        this.scoring = scoring;
        this.events = events;
    }

    /**
     * @param json a CommitAnalyzed
     */
    @Incoming(INCOMING)
    @Blocking
    public void consume(String json) {
        if (scoring.record(EventJson.read(json, CommitAnalyzed.class)).isPresent()) {
            events.publishPending();
        }
    }
}
