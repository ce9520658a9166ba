package io.debtwatch.scoring.messaging;

import io.debtwatch.events.CommitAnalyzed;
import io.debtwatch.events.EventJson;
import io.debtwatch.scoring.service.ScoringService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code debtwatch.analyses} one poll at a time: the analyses of a poll are scored together
 * and stored with one round trip per collection. A message that cannot be read or scored is nacked
 * on its own, which sends it to {@code debtwatch.analyses.dlq} with the error in its headers, while
 * the rest of its batch is scored. When storing the batch fails, its analyses are handled again one
 * by one (every step is idempotent), so only the one that fails goes to the dead-letter topic. The
 * batch is acknowledged, and its offsets may be committed, only once it is stored and every dead
 * letter is on its topic. Blocking and ordered: one batch after the other.
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

    /**
     * @param batch the records of one poll
     * @return completes once the batch is acknowledged
     */
    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        List<CompletableFuture<Void>> deadLetters = new ArrayList<>();
        Map<KafkaRecord<String, String>, CommitAnalyzed> readable = new LinkedHashMap<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            try {
                CommitAnalyzed analysis = EventJson.read(record.getPayload(), CommitAnalyzed.class);
                ScoringService.validate(analysis);
                readable.put(record, analysis);
            } catch (RuntimeException e) {
                deadLetters.add(record.nack(e).toCompletableFuture());
            }
        }
        if (score(readable, deadLetters) > 0) {
            sendRecorded();
        }
        return CompletableFuture.allOf(deadLetters.toArray(CompletableFuture[]::new)).handle((dead, failure) -> {
            if (failure != null) {
                // the dead-letter handler has failed the channel already; without an ack the offsets stay
                LOG.errorf(failure, "a dead letter of a batch of %d was not sent; the batch is not acknowledged",
                        batch.getRecords().size());
                return CompletableFuture.<Void>completedFuture(null);
            }
            return batch.ack();
        }).thenCompose(acked -> acked);
    }

    private int score(Map<KafkaRecord<String, String>, CommitAnalyzed> readable,
            List<CompletableFuture<Void>> deadLetters) {
        try {
            return scoring.recordAll(new ArrayList<>(readable.values()));
        } catch (RuntimeException e) {
            LOG.warnf("a batch of %d analyses is handled one by one: %s", readable.size(), e.toString());
        }
        int scored = 0;
        for (Map.Entry<KafkaRecord<String, String>, CommitAnalyzed> entry : readable.entrySet()) {
            try {
                scored += scoring.recordAll(List.of(entry.getValue()));
            } catch (RuntimeException e) {
                deadLetters.add(entry.getKey().nack(e).toCompletableFuture());
            }
        }
        return scored;
    }

    /** The scores are stored with their events; when Kafka is slow the scheduled retry of the outbox sends them. */
    private void sendRecorded() {
        try {
            producer.flush();
        } catch (RuntimeException e) {
            LOG.warnf("score events stay in the outbox until the next retry: %s", e.getMessage());
        }
    }
}
