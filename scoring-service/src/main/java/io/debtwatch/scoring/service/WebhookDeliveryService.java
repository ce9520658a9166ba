package io.debtwatch.scoring.service;

import io.debtwatch.scoring.config.WebhookConfig;
import io.debtwatch.scoring.repository.WebhookDelivery;
import io.debtwatch.scoring.repository.WebhookDelivery.Attempt;
import io.debtwatch.scoring.repository.WebhookDelivery.Status;
import io.debtwatch.scoring.repository.WebhookDeliveryRepository;
import io.debtwatch.scoring.repository.WebhookSubscription;
import io.debtwatch.scoring.repository.WebhookSubscriptionRepository;
import io.debtwatch.service.problem.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Makes one attempt of a claimed delivery and decides what follows; lists and requeues deliveries. */
@ApplicationScoped
public class WebhookDeliveryService {

    private static final Logger LOG = Logger.getLogger(WebhookDeliveryService.class);
    private static final int GONE = 410;

    private final WebhookDeliveryRepository deliveries;
    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookSubscriptionService subscriptionService;
    private final WebhookUrlValidator urls;
    private final WebhookHttpClient http;
    private final WebhookConfig config;
    private final MeterRegistry meters;

    public WebhookDeliveryService(WebhookDeliveryRepository deliveries, WebhookSubscriptionRepository subscriptions,
            WebhookSubscriptionService subscriptionService, WebhookUrlValidator urls, WebhookHttpClient http,
            WebhookConfig config, MeterRegistry meters) {
        this.meters = meters;
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.subscriptionService = subscriptionService;
        this.urls = urls;
        this.http = http;
        this.config = config;
    }

    /**
     * Sends one attempt of a delivery this worker holds under {@code token}, then records it.
     *
     * @param delivery the claimed delivery
     * @param token    the lease token of the claim
     * @throws InterruptedException when the worker stops mid-attempt; the lease then frees it later
     */
    public void attempt(WebhookDelivery delivery, String token) throws InterruptedException {
        Optional<WebhookSubscription> found = subscriptions.find(delivery.org(), delivery.subscriptionId());
        if (found.isEmpty() || !found.get().enabled()) {
            deliveries.cancelClaimed(delivery.id(), token,
                    found.isEmpty() ? "subscription deleted" : "subscription disabled: " + found.get().disabledReason());
            return;
        }
        WebhookSubscription subscription = found.get();
        Instant started = Instant.now();
        WebhookHttpClient.Result outcome = send(subscription, delivery, started);
        Attempt attempt = new Attempt(started, outcome.statusCode(),
                Duration.between(started, Instant.now()).toMillis(), outcome.error());
        record(delivery, token, subscription, attempt);
        meters.timer("debtwatch.webhooks.attempts", "outcome", attempt.error() == null ? "delivered"
                : attempt.statusCode() == null ? "no-answer" : "http-" + attempt.statusCode() / 100 + "xx")
                .record(Duration.ofMillis(attempt.latencyMs()));
    }

    private WebhookHttpClient.Result send(WebhookSubscription subscription, WebhookDelivery delivery, Instant now)
            throws InterruptedException {
        WebhookUrlValidator.Target target;
        try {
            target = urls.resolve(subscription.url());
        } catch (RefusedUrlException e) {
            return new WebhookHttpClient.Result(null, "refused: " + e.getMessage());
        }
        long timestamp = now.getEpochSecond();
        String signature = WebhookSigner.signatures(subscription.signingSecrets(now), delivery.messageId(), timestamp,
                delivery.body());
        return http.send(target, delivery.messageId(), timestamp, signature, delivery.body());
    }

    private void record(WebhookDelivery delivery, String token, WebhookSubscription subscription, Attempt attempt) {
        boolean written;
        if (attempt.error() == null) {
            written = deliveries.recordAttempt(delivery.id(), token, attempt, Status.SUCCEEDED, null, null);
        } else if (attempt.statusCode() != null && attempt.statusCode() == GONE) {
            String reason = "receiver answered 410 Gone at " + attempt.at();
            written = deliveries.recordAttempt(delivery.id(), token, attempt, Status.CANCELLED, null, reason);
            subscriptionService.setEnabled(subscription.org(), subscription.id(), false, reason);
        } else {
            List<Duration> schedule = config.retrySchedule();
            int next = delivery.round() + 1;
            if (next < schedule.size()) {
                written = deliveries.recordAttempt(delivery.id(), token, attempt, Status.PENDING,
                        attempt.at().plus(schedule.get(next)), null);
            } else {
                written = deliveries.recordAttempt(delivery.id(), token, attempt, Status.DEAD, null,
                        "dead-lettered after " + schedule.size() + " attempts: " + attempt.error());
                meters.counter("debtwatch.webhooks.dead_lettered").increment();
                LOG.warnf("webhook delivery %s to subscription %s dead-lettered: %s", delivery.id(),
                        subscription.id(), attempt.error());
            }
        }
        if (!written) {
            LOG.warnf("webhook delivery %s: lease lost before the attempt was recorded; another worker owns it",
                    delivery.id());
        }
    }

    /**
     * @param org            the organisation
     * @param subscriptionId the subscription
     * @param status         only deliveries in this status, null for all
     * @param limit          the most to return
     * @return its deliveries, newest first
     */
    public List<WebhookDelivery> list(String org, String subscriptionId, Status status, int limit) {
        subscriptionService.get(org, subscriptionId);
        if (limit < 1 || limit > config.maxPageSize()) {
            throw ProblemException.invalid("limit", "must be between 1 and " + config.maxPageSize());
        }
        return deliveries.list(org, subscriptionId, status, limit);
    }

    /**
     * @param org            the organisation
     * @param subscriptionId the subscription
     * @param id             the delivery id
     * @return the delivery
     */
    public WebhookDelivery get(String org, String subscriptionId, String id) {
        subscriptionService.get(org, subscriptionId);
        return deliveries.find(org, subscriptionId, id).orElseThrow(() -> ProblemException.notFound("delivery", id));
    }

    /**
     * Queues a finished delivery again, dead-lettered ones included, with the same webhook-id and body.
     *
     * @param org            the organisation
     * @param subscriptionId the subscription
     * @param id             the delivery id
     * @return the requeued delivery
     */
    public WebhookDelivery redeliver(String org, String subscriptionId, String id) {
        WebhookSubscription subscription = subscriptionService.get(org, subscriptionId);
        if (!subscription.enabled()) {
            throw ProblemException.conflict("webhook " + subscriptionId + " is disabled; enable it first",
                    Map.of("disabledReason", String.valueOf(subscription.disabledReason())));
        }
        WebhookDelivery current = get(org, subscriptionId, id);
        return deliveries.requeue(org, subscriptionId, id, Instant.now())
                .orElseThrow(() -> ProblemException.conflict("delivery " + id + " is " + current.status().name()
                        .toLowerCase() + " already", Map.of("status", current.status().name().toLowerCase())));
    }
}
