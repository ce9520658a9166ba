package io.debtwatch.service.outbox;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.debtwatch.events.CloudEventHeaders;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.bson.Document;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * The transactional outbox of a service: what must be sent to Kafka is recorded in the service's
 * database first, sent in order, and marked sent only after the broker acknowledged it. A crash at
 * any point loses nothing, and a resend carries the same eventId, on which consumers are idempotent.
 */
public final class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class);

    /** Orders messages by when they were recorded; seeded from the clock so it keeps rising across restarts. */
    private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis() * 1000);
    private final MongoCollection<Document> outbox;
    private final Emitter<String> emitter;
    private final String source;

    /**
     * @param database the service's database; the collection {@code outbox} is used
     * @param emitter  the channel that sends (its topic is set per message)
     * @param source   the CloudEvents source, such as {@code /debtwatch/ingest-service}
     */
    public Outbox(MongoDatabase database, Emitter<String> emitter, String source) {
        this.outbox = database.getCollection("outbox");
        this.emitter = emitter;
        this.source = source;
        outbox.createIndex(Indexes.ascending("sentAt", "seq"));
    }

    /**
     * Records a message once; recording the same eventId again changes nothing.
     *
     * @param message the message
     */
    public void enqueue(OutboxMessage message) {
        try {
            outbox.insertOne(new Document("_id", message.eventId()).append("topic", message.topic())
                    .append("key", message.key()).append("ceType", message.ceType())
                    .append("payload", message.payload()).append("subject", message.subject())
                    .append("backfill", message.backfill()).append("seq", sequence.incrementAndGet())
                    .append("createdAt", new Date()).append("sentAt", null));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /**
     * Sends pending messages in order until one fails or {@code limit} were sent.
     *
     * @param limit  the most to send in this round
     * @param onSent called after each message is marked sent
     * @return how many were sent
     */
    public synchronized int publishPending(int limit, Consumer<OutboxMessage> onSent) {
        int sent = 0;
        for (OutboxMessage message : pending(limit)) {
            try {
                send(message).get(30, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                LOG.warnf("sending %s to %s failed, will retry: %s", message.eventId(), message.topic(),
                        e.getMessage());
                return sent;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return sent;
            }
            outbox.updateOne(eq("_id", message.eventId()), Updates.set("sentAt", Date.from(Instant.now())));
            onSent.accept(message);
            sent++;
        }
        return sent;
    }

    /**
     * @return messages not sent yet
     */
    public long countPending() {
        return outbox.countDocuments(eq("sentAt", null));
    }

    private List<OutboxMessage> pending(int limit) {
        List<OutboxMessage> result = new ArrayList<>();
        outbox.find(eq("sentAt", null)).sort(Sorts.ascending("seq")).limit(limit).forEach(d -> result.add(
                new OutboxMessage(d.getString("_id"), d.getString("topic"), d.getString("key"),
                        d.getString("ceType"), d.getString("payload"), d.getString("subject"),
                        d.getBoolean("backfill", false))));
        return result;
    }

    private CompletableFuture<Void> send(OutboxMessage message) {
        return sendAcknowledged(emitter, message.topic(), message.key(), message.payload(),
                CloudEventHeaders.of(message.eventId(), message.ceType(), source, message.subject()));
    }

    /**
     * Sends one record and completes when the broker acknowledged it.
     *
     * @param emitter the channel
     * @param topic   the topic
     * @param key     the record key
     * @param payload the JSON text
     * @param headers the record headers
     * @return completes on acknowledgement, fails on a nack
     */
    public static CompletableFuture<Void> sendAcknowledged(Emitter<String> emitter, String topic, String key,
            String payload, org.apache.kafka.common.header.Headers headers) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topic).withKey(key).withHeaders(headers).build();
        emitter.send(Message.of(payload).addMetadata(metadata)
                .withAck(() -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    acked.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                }));
        return acked;
    }
}
