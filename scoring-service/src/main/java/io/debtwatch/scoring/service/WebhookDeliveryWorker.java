package io.debtwatch.scoring.service;

import io.debtwatch.scoring.config.WebhookConfig;
import io.debtwatch.scoring.repository.WebhookDelivery;
import io.debtwatch.scoring.repository.WebhookDeliveryRepository;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Drains the delivery queue: one pump thread claims due deliveries, a pool sends them. A
 * subscription never has more than {@code per-endpoint-concurrency} attempts in flight here, so a
 * slow receiver only ever holds its own slots and others keep flowing; order is therefore not
 * guaranteed. The pump runs on a timer and whenever something is queued or finishes.
 */
@ApplicationScoped
public class WebhookDeliveryWorker {

    private static final Logger LOG = Logger.getLogger(WebhookDeliveryWorker.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final WebhookDeliveryRepository deliveries;
    private final WebhookDeliveryService service;
    private final WebhookConfig config;
    /** Attempts in flight per subscription id; guarded by itself. */
    private final Map<String, Integer> inFlight = new HashMap<>();

    private volatile boolean running;
    private ScheduledExecutorService pump;
    private ExecutorService senders;

    public WebhookDeliveryWorker(WebhookDeliveryRepository deliveries, WebhookDeliveryService service,
            WebhookConfig config) {
        this.deliveries = deliveries;
        this.service = service;
        this.config = config;
        if (config.lease().compareTo(config.timeout()) <= 0) {
            throw new IllegalStateException("debtwatch.webhooks.lease must be longer than debtwatch.webhooks.timeout");
        }
    }

    void onStart(@Observes StartupEvent started) {
        if (config.workerEnabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent stopping) {
        stop();
    }

    /** Starts sending; deliveries left by a previous run (waiting, or claimed with a lapsed lease) are picked up. */
    public synchronized void start() {
        if (running) {
            return;
        }
        senders = Executors.newFixedThreadPool(config.workerThreads(), r -> thread(r, "webhook-sender-"));
        pump = Executors.newSingleThreadScheduledExecutor(r -> thread(r, "webhook-pump-"));
        running = true;
        pump.scheduleWithFixedDelay(this::drainSafely, 0, config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("webhook delivery worker started");
    }

    /** Stops sending; attempts cut short are handed back to the queue, nothing is lost. */
    public void stop() {
        ExecutorService stoppedPump;
        ExecutorService stoppedSenders;
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            stoppedPump = pump;
            stoppedSenders = senders;
        }
        stoppedPump.shutdownNow();
        stoppedSenders.shutdownNow();
        try {
            stoppedSenders.awaitTermination(config.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
            stoppedPump.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("webhook delivery worker stopped");
    }

    /**
     * @return whether the worker is sending
     */
    public boolean running() {
        return running;
    }

    /** Asks the pump to look at the queue now rather than at its next tick. */
    public void wake() {
        ScheduledExecutorService current = pump;
        if (!running || current == null) {
            return;
        }
        try {
            current.execute(this::drainSafely);
        } catch (RejectedExecutionException e) {
            LOG.debug("webhook pump is stopping; the queue is drained on the next start", e);
        }
    }

    private void drainSafely() {
        try {
            drain();
        } catch (RuntimeException e) {
            LOG.warn("cannot read the webhook delivery queue; trying again at the next tick", e);
        }
    }

    private void drain() {
        while (running) {
            Set<String> saturated;
            synchronized (inFlight) {
                int total = inFlight.values().stream().mapToInt(Integer::intValue).sum();
                if (total >= config.workerThreads()) {
                    return;
                }
                saturated = inFlight.entrySet().stream().filter(e -> e.getValue() >= config.perEndpointConcurrency())
                        .map(Map.Entry::getKey).collect(Collectors.toSet());
            }
            String token = UUID.randomUUID().toString();
            Instant now = Instant.now();
            Optional<WebhookDelivery> claimed = deliveries.claimNext(now, saturated, now.plus(config.lease()), token);
            if (claimed.isEmpty()) {
                return;
            }
            dispatch(claimed.get(), token);
        }
    }

    private void dispatch(WebhookDelivery delivery, String token) {
        synchronized (inFlight) {
            inFlight.merge(delivery.subscriptionId(), 1, Integer::sum);
        }
        try {
            senders.execute(() -> send(delivery, token));
        } catch (RejectedExecutionException e) {
            finished(delivery.subscriptionId());
            deliveries.release(delivery.id(), token);
            LOG.debug("webhook worker stopping; delivery handed back", e);
        }
    }

    private void send(WebhookDelivery delivery, String token) {
        try {
            service.attempt(delivery, token);
        } catch (InterruptedException e) {
            handBack(delivery, token);
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (running) {
                LOG.errorf(e, "webhook delivery %s failed inside the worker; its lease expires and it is tried again",
                        delivery.id());
            } else {
                LOG.infof("webhook delivery %s cut short by the worker stopping (%s); its lease frees it again",
                        delivery.id(), e.getClass().getSimpleName());
            }
        } finally {
            finished(delivery.subscriptionId());
            wake();
        }
    }

    private void handBack(WebhookDelivery delivery, String token) {
        try {
            deliveries.release(delivery.id(), token);
        } catch (RuntimeException e) {
            LOG.warnf(e, "webhook delivery %s could not be handed back; its lease expires instead", delivery.id());
        }
    }

    private void finished(String subscriptionId) {
        synchronized (inFlight) {
            inFlight.computeIfPresent(subscriptionId, (k, v) -> v <= 1 ? null : v - 1);
        }
    }

    private static Thread thread(Runnable r, String prefix) {
        Thread t = new Thread(r, prefix + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    }
}
