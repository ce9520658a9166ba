package io.debtwatch.analysis.messaging;

import io.debtwatch.analysis.repository.AnalysisRepository.Stored;
import io.debtwatch.events.CloudEventHeaders;
import io.debtwatch.events.CommitAnalyzed;
import io.debtwatch.events.EventTypes;
import io.debtwatch.events.Topics;
import io.debtwatch.service.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Publishes analyses to {@code debtwatch.analyses}, keyed by repoId with CloudEvents headers; the
 * caller commits its input only after the broker acknowledged the analysis.
 */
@ApplicationScoped
public class AnalysisProducer {

    static final String OUTGOING = "analyses";
    private static final String SOURCE = "/debtwatch/analysis-service";
    private static final long ACK_TIMEOUT_SECONDS = 30;

    private final Emitter<String> analyses;

    AnalysisProducer(@Channel(OUTGOING) Emitter<String> analyses) {
        this.analyses = analyses;
    }

    /**
     * Sends an analysis without waiting for the broker: the JSON it was stored as, not written again.
     *
     * @param stored the analysis and its stored JSON
     * @return completes when the broker acknowledged it; fails with {@link AnalysisNotPublishedException}
     *         on a nack or when no acknowledgement came in time
     */
    public CompletableFuture<Void> publishAsync(Stored stored) {
        CommitAnalyzed result = stored.analysis();
        CompletableFuture<Void> acked;
        try {
            acked = Outbox.sendAcknowledged(analyses, Topics.ANALYSES, result.repoId(), stored.json(),
                    CloudEventHeaders.of(result.eventId(), EventTypes.COMMIT_ANALYZED, SOURCE, result.repoId()));
        } catch (RuntimeException e) {
            acked = CompletableFuture.failedFuture(e);
        }
        return acked.orTimeout(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS).handle((ok, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                throw new AnalysisNotPublishedException(result.eventId(), cause);
            }
            return null;
        });
    }

    /**
     * Sends an analysis and returns once the broker acknowledged it.
     *
     * @param stored the analysis and its stored JSON
     * @throws AnalysisNotPublishedException when the broker does not acknowledge it in time
     */
    public void publish(Stored stored) {
        try {
            publishAsync(stored).join();
        } catch (CompletionException e) {
            throw (AnalysisNotPublishedException) e.getCause();
        }
    }

    /** The broker did not take an analysis; the input is not committed, so it comes again. */
    public static class AnalysisNotPublishedException extends RuntimeException {

        AnalysisNotPublishedException(String eventId, Throwable cause) {
            super("analysis " + eventId + " was not acknowledged by the broker: " + cause, cause);
        }
    }
}
