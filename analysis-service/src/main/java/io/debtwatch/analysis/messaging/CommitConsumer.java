package io.debtwatch.analysis.messaging;

import io.debtwatch.analysis.service.CommitAnalysisService;
import io.debtwatch.events.CommitAnalyzed;
import io.debtwatch.events.CommitDiscovered;
import io.debtwatch.events.EventJson;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Consumes {@code debtwatch.commits} and publishes one {@code CommitAnalyzed} per commit. A commit
 * is acknowledged (its offset may be committed) only after its analysis was acknowledged by the
 * broker, but the next commit is analysed while the broker still holds the previous analysis, so a
 * partition is not paced by broker round trips. A message that cannot be read, analysed or published
 * is nacked, which sends it to {@code debtwatch.commits.dlq} with the error in its headers while the
 * partition moves on. Blocking and ordered, so one partition's commits (one repository's) are
 * analysed in order and a child finds its parent's snapshot; their analyses keep that order on
 * {@code debtwatch.analyses} (one key, one partition, an idempotent producer).
 */
@ApplicationScoped
public class CommitConsumer {

    static final String INCOMING = "commits";
    private static final Logger LOG = Logger.getLogger(CommitConsumer.class);

    private final CommitAnalysisService analysis;
    private final AnalysisProducer producer;
    private final Timer handling;

    CommitConsumer(CommitAnalysisService analysis, AnalysisProducer producer, MeterRegistry metrics) {
        this.analysis = analysis;
        this.producer = producer;
        this.handling = Timer.builder("debtwatch.analysis.message")
                .description("time to handle one commit message: read, analyse or find, hand to the broker").register(metrics);
    }

    /**
     * @param message a CommitDiscovered
     * @return completes once the analysis is handed to the broker; the message is acked or nacked later
     */
    @Incoming(INCOMING)
    @Blocking
    public CompletionStage<Void> receive(Message<String> message) {
        Timer.Sample sample = Timer.start();
        CompletableFuture<Void> published;
        try {
            published = producer.publishAsync(analyse(message.getPayload()));
        } catch (RuntimeException e) {
            sample.stop(handling);
            return message.nack(e);
        }
        sample.stop(handling);
        published.whenComplete((ok, failure) -> {
            if (failure == null) {
                message.ack();
            } else {
                message.nack(failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure);
            }
        });
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Handles one commit to the end: analysed and acknowledged by the broker when this returns. The
     * same handling as {@link #receive}, for a caller that commits offsets itself.
     *
     * @param json a CommitDiscovered
     */
    public void consume(String json) {
        handling.record(() -> producer.publish(analyse(json)));
    }

    private CommitAnalyzed analyse(String json) {
        CommitAnalyzed result = analysis.analyze(EventJson.read(json, CommitDiscovered.class));
        LOG.debugf("analysed %s", result.eventId());
        return result;
    }
}
