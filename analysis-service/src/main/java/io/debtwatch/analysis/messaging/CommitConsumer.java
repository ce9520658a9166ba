package io.debtwatch.analysis.messaging;

import io.debtwatch.analysis.service.CommitAnalysisService;
import io.debtwatch.analysis.service.CommitAnalysisService.Outcome;
import io.debtwatch.events.CommitDiscovered;
import io.debtwatch.events.EventJson;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code debtwatch.commits} a poll at a time and publishes one {@code CommitAnalyzed} per
 * commit. The commits of one poll are analysed in order and stored together (see
 * {@link CommitAnalysisService}); their analyses are then handed to the broker, and the poll's
 * offsets are committed only once every analysis was acknowledged by the broker (at least once).
 * The next poll is analysed while the broker still holds the previous one's analyses. A message
 * that cannot be read, analysed, stored or published goes alone to {@code debtwatch.commits.dlq}
 * with the error in its headers, and the partition moves on. Blocking and ordered, so one
 * partition's commits (one repository's) are analysed in order and a child finds its parent's
 * snapshot; their analyses keep that order on {@code debtwatch.analyses} (one key, one partition,
 * an idempotent producer).
 */
@ApplicationScoped
public class CommitConsumer {

    static final String INCOMING = "commits";
    private static final Logger LOG = Logger.getLogger(CommitConsumer.class);

    private final CommitAnalysisService analysis;
    private final AnalysisProducer producer;
    private final DeadLetterProducer deadLetters;
    private final Timer handling;

    CommitConsumer(CommitAnalysisService analysis, AnalysisProducer producer, DeadLetterProducer deadLetters,
            MeterRegistry metrics) {
        this.analysis = analysis;
        this.producer = producer;
        this.deadLetters = deadLetters;
        this.handling = Timer.builder("debtwatch.analysis.message").description(
                "time to handle one commit message (a poll's time shared by its messages): read, analyse or find, "
                        + "store, hand to the broker").register(metrics);
    }

    /**
     * @param batch the commit messages of one poll
     * @return completes once the analyses are handed to the broker; the poll is acked (or, when a
     *         dead letter cannot be sent, nacked) later
     */
    @Incoming(INCOMING)
    @Blocking
    public CompletionStage<Void> receive(KafkaRecordBatch<String, String> batch) {
        long started = System.nanoTime();
        List<KafkaRecord<String, String>> records = batch.getRecords();
        List<CompletableFuture<Void>> handled = new ArrayList<>(records.size());
        List<KafkaRecord<String, String>> readable = new ArrayList<>(records.size());
        List<CommitDiscovered> commits = new ArrayList<>(records.size());
        for (KafkaRecord<String, String> record : records) {
            try {
                commits.add(EventJson.read(record.getPayload(), CommitDiscovered.class));
                readable.add(record);
            } catch (RuntimeException e) {
                handled.add(deadLetters.send(record, e));
            }
        }
        List<Outcome> outcomes = analyseAll(commits);
        for (int i = 0; i < readable.size(); i++) {
            KafkaRecord<String, String> record = readable.get(i);
            Outcome outcome = outcomes.get(i);
            handled.add(outcome.failure() != null ? deadLetters.send(record, outcome.failure())
                    : producer.publishAsync(outcome.stored())
                            .exceptionallyCompose(failure -> deadLetters.send(record, unwrap(failure))));
        }
        if (!records.isEmpty()) {
            Duration each = Duration.ofNanos((System.nanoTime() - started) / records.size());
            records.forEach(r -> handling.record(each));
        }
        CompletableFuture.allOf(handled.toArray(CompletableFuture[]::new)).whenComplete((ok, failure) -> {
            if (failure == null) {
                batch.ack();
            } else {
                LOG.errorf("a dead letter of %d commit messages could not be sent: %s", records.size(), failure);
                batch.nack(unwrap(failure));
            }
        });
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Handles one commit to the end: analysed, stored and acknowledged by the broker when this
     * returns. The same handling as {@link #receive}, for a caller that commits offsets itself.
     *
     * @param json a CommitDiscovered
     */
    public void consume(String json) {
        handling.record(() -> producer.publish(analysis.analyze(EventJson.read(json, CommitDiscovered.class))));
    }

    private List<Outcome> analyseAll(List<CommitDiscovered> commits) {
        try {
            List<Outcome> outcomes = analysis.analyzeAll(commits);
            LOG.debugf("analysed a poll of %d commits", commits.size());
            return outcomes;
        } catch (RuntimeException e) {
            return commits.stream().map(c -> new Outcome(null, e)).toList();
        }
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
