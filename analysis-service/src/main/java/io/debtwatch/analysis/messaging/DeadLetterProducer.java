package io.debtwatch.analysis.messaging;

import io.debtwatch.events.Topics;
import io.debtwatch.service.outbox.Outbox;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Sends one commit message of a batch to {@code debtwatch.commits.dlq} with the error in the same
 * headers the Kafka connector's dead-letter strategy writes. The connector's own strategy would
 * dead-letter every message of a batch; this sends only the one that failed.
 */
@ApplicationScoped
public class DeadLetterProducer {

    static final String OUTGOING = "commits-dead-letters";

    private final Emitter<String> deadLetters;

    DeadLetterProducer(@Channel(OUTGOING) Emitter<String> deadLetters) {
        this.deadLetters = deadLetters;
    }

    /**
     * @param record the message that failed
     * @param error  why
     * @return completes when the broker acknowledged the dead letter
     */
    public CompletableFuture<Void> send(KafkaRecord<String, String> record, Throwable error) {
        Headers headers = new RecordHeaders(record.getHeaders().toArray());
        put(headers, KafkaDeadLetterQueue.DEAD_LETTER_EXCEPTION_CLASS_NAME, error.getClass().getName());
        put(headers, KafkaDeadLetterQueue.DEAD_LETTER_REASON, String.valueOf(error.getMessage()));
        if (error.getCause() != null) {
            put(headers, KafkaDeadLetterQueue.DEAD_LETTER_CAUSE_CLASS_NAME, error.getCause().getClass().getName());
            put(headers, KafkaDeadLetterQueue.DEAD_LETTER_CAUSE, String.valueOf(error.getCause().getMessage()));
        }
        put(headers, KafkaDeadLetterQueue.DEAD_LETTER_TOPIC, record.getTopic());
        put(headers, KafkaDeadLetterQueue.DEAD_LETTER_PARTITION, Integer.toString(record.getPartition()));
        record.getMetadata(IncomingKafkaRecordMetadata.class).ifPresent(m ->
                put(headers, KafkaDeadLetterQueue.DEAD_LETTER_OFFSET, Long.toString(m.getOffset())));
        try {
            return Outbox.sendAcknowledged(deadLetters, Topics.deadLetter(Topics.COMMITS), record.getKey(),
                    record.getPayload(), headers);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
