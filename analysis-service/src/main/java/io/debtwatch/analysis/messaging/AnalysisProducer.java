package io.debtwatch.analysis.messaging;

import io.debtwatch.events.CloudEventHeaders;
import io.debtwatch.events.CommitAnalyzed;
import io.debtwatch.events.EventJson;
import io.debtwatch.events.EventTypes;
import io.debtwatch.events.Topics;
import io.debtwatch.service.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Publishes analyses to {@code debtwatch.analyses}, keyed by repoId with CloudEvents headers, and
 * returns only once the broker acknowledged: the caller commits its input only after that.
 */
@ApplicationScoped
public class AnalysisProducer {

    static final String OUTGOING = "analyses";
    private static final String SOURCE = "/debtwatch/analysis-service";

    private final Emitter<String> analyses;

    AnalysisProducer(@Channel(OUTGOING) Emitter<String> analyses) {
        this.analyses = analyses;
    }

    /**
     * @param result the analysis
     * @throws AnalysisNotPublishedException when the broker does not acknowledge it in time
     */
    public void publish(CommitAnalyzed result) {
        try {
            Outbox.sendAcknowledged(analyses, Topics.ANALYSES, result.repoId(), EventJson.write(result),
                    CloudEventHeaders.of(result.eventId(), EventTypes.COMMIT_ANALYZED, SOURCE, result.repoId()))
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AnalysisNotPublishedException(result.eventId(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnalysisNotPublishedException(result.eventId(), e);
        }
    }

    /** The broker did not take an analysis; the input is not committed, so it comes again. */
    public static class AnalysisNotPublishedException extends RuntimeException {

        AnalysisNotPublishedException(String eventId, Throwable cause) {
            super("analysis " + eventId + " was not acknowledged by the broker: " + cause.getMessage(), cause);
        }
    }
}
