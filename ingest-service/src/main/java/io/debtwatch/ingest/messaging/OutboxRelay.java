package io.debtwatch.ingest.messaging;

import io.debtwatch.ingest.config.IngestConfig;
import io.debtwatch.ingest.repository.LeaseRepository;
import io.debtwatch.ingest.repository.OutboxEvent;
import io.debtwatch.ingest.repository.OutboxRepository;
import io.debtwatch.ingest.service.ReplicaIdentity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.debtwatch.ingest.repository.OutboxRecorded;
import io.debtwatch.ingest.repository.OutboxSent;
import jakarta.enterprise.event.Event;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.bson.types.ObjectId;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Sends what the outbox recorded to Kafka and marks each entry sent only after the broker
 * acknowledged it. One replica relays at a time (a lease), in recording order, so one repository's
 * events stay in order; an entry that was sent but not marked (a crash) is sent again with the same
 * eventId, which consumers ignore.
 */
@ApplicationScoped
public class OutboxRelay {

    /** The outgoing channel; the topic is set per record. */
    public static final String CHANNEL = "outbox-out";
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String LEASE = "outbox-relay";

    private final Emitter<String> emitter;
    private final OutboxRepository outbox;
    private final LeaseRepository leases;
    private final ReplicaIdentity replica;
    private final IngestConfig config;
    private final Counter sent;
    private final Counter failed;
    private final Semaphore wake = new Semaphore(0);
    private final Event<OutboxSent> sentEvents;
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(@Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2048)
            Emitter<String> emitter, OutboxRepository outbox, LeaseRepository leases, ReplicaIdentity replica,
            IngestConfig config, MeterRegistry registry, Event<OutboxSent> sentEvents) {
        this.sentEvents = sentEvents;
        this.emitter = emitter;
        this.outbox = outbox;
        this.leases = leases;
        this.replica = replica;
        this.config = config;
        this.sent = registry.counter("debtwatch.ingest.events.sent");
        this.failed = registry.counter("debtwatch.ingest.events.send.failures");
        registry.gauge("debtwatch.ingest.outbox.pending", outbox, OutboxRepository::pending);
    }

    void start(@Observes StartupEvent event) {
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        wake.release();
        if (worker != null) {
            worker.join(config.outbox().ackTimeout().toMillis());
        }
    }

    void onRecorded(@Observes OutboxRecorded recorded) {
        wake.release();
    }

    private void loop() {
        while (running) {
            try {
                relay();
            } catch (RuntimeException e) {
                LOG.errorf(e, "outbox relay round failed; retrying");
            }
            try {
                wake.tryAcquire(config.outbox().interval().toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void relay() {
        Duration lease = config.outbox().ackTimeout().multipliedBy(2);
        while (leases.tryAcquire(LEASE, replica.id(), lease, Instant.now())) {
            List<OutboxEvent> batch = outbox.unsent(config.outbox().batchSize());
            if (batch.isEmpty() || sendBatch(batch) < batch.size()) {
                return;
            }
        }
    }

    private int sendBatch(List<OutboxEvent> batch) {
        List<CompletableFuture<ObjectId>> acks = new ArrayList<>();
        for (OutboxEvent event : batch) {
            acks.add(send(event));
        }
        List<ObjectId> acked = new ArrayList<>();
        long deadline = System.nanoTime() + config.outbox().ackTimeout().toNanos();
        for (CompletableFuture<ObjectId> ack : acks) {
            try {
                acked.add(ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (ExecutionException | TimeoutException e) {
                failed.increment();
                LOG.warnf("outbox send not acknowledged, will retry: %s", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        outbox.markSent(acked);
        sent.increment(acked.size());
        if (!acked.isEmpty()) {
            sentEvents.fire(new OutboxSent(acked.size()));
        }
        return acked.size();
    }

    private CompletableFuture<ObjectId> send(OutboxEvent event) {
        CompletableFuture<ObjectId> ack = new CompletableFuture<>();
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_id", bytes(event.eventId()));
        headers.add("ce_type", bytes(event.type()));
        headers.add("ce_source", bytes(config.eventSource()));
        headers.add("ce_subject", bytes(event.subject()));
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("content-type", bytes("application/json"));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic()).withKey(event.key()).withHeaders(headers).build();
        Message<String> message = Message.of(event.payload(), Metadata.of(metadata))
                .withAck(() -> {
                    ack.complete(event.id());
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(error -> {
                    ack.completeExceptionally(error);
                    return CompletableFuture.completedFuture(null);
                });
        try {
            emitter.send(message);
        } catch (RuntimeException e) {
            ack.completeExceptionally(e);
        }
        return ack;
    }

    private static byte[] bytes(String value) {
        return value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
    }
}
