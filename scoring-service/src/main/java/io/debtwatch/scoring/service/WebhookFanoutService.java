package io.debtwatch.scoring.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.debtwatch.events.EventJson;
import io.debtwatch.scoring.config.WebhookConfig;
import io.debtwatch.scoring.repository.WebhookDelivery;
import io.debtwatch.scoring.repository.WebhookDelivery.Status;
import io.debtwatch.scoring.repository.WebhookDeliveryRepository;
import io.debtwatch.scoring.repository.WebhookSubscription;
import io.debtwatch.scoring.repository.WebhookSubscriptionRepository;
import io.debtwatch.service.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.bson.types.ObjectId;

/**
 * Turns a platform event into one queued delivery per interested subscription. The queue entry is
 * written before anything is sent (no dual write), and the webhook-id is derived from subscription and
 * event, so a redelivered Kafka message neither duplicates a delivery nor changes its id.
 */
@ApplicationScoped
public class WebhookFanoutService {

    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookDeliveryRepository deliveries;
    private final WebhookDeliveryWorker worker;
    private final Duration firstDelay;

    public WebhookFanoutService(WebhookSubscriptionRepository subscriptions, WebhookDeliveryRepository deliveries,
            WebhookDeliveryWorker worker, WebhookConfig config) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.worker = worker;
        this.firstDelay = config.retrySchedule().isEmpty() ? Duration.ZERO : config.retrySchedule().get(0);
    }

    /**
     * @param type  the webhook type
     * @param event the platform event as JSON, with at least {@code eventId} and {@code org}
     * @return how many deliveries were queued
     */
    public int fanOut(String type, JsonNode event) {
        String org = event.path("org").asText();
        String eventId = event.path("eventId").asText();
        String repoId = event.hasNonNull("repoId") ? event.get("repoId").asText() : null;
        String team = event.hasNonNull("team") ? event.get("team").asText() : null;
        Instant occurredAt = timestamp(event);
        String body = body(type, occurredAt, event);
        int queued = 0;
        for (WebhookSubscription s : subscriptions.enabled(org)) {
            if (s.wants(type, repoId, team, indexChange(event), occurredAt)
                    && deliveries.enqueue(delivery(s, eventId, type, body))) {
                queued++;
            }
        }
        if (queued > 0) {
            worker.wake();
        }
        return queued;
    }

    /**
     * @param subscription the subscription to ping
     * @return the queued ping delivery
     */
    public WebhookDelivery ping(WebhookSubscription subscription) {
        if (!subscription.enabled()) {
            throw ProblemException.conflict("webhook " + subscription.id() + " is disabled; enable it first",
                    Map.of("disabledReason", String.valueOf(subscription.disabledReason())));
        }
        Instant now = Instant.now();
        ObjectNode data = EventJson.mapper().createObjectNode().put("webhookId", subscription.id())
                .put("org", subscription.org()).put("message", "ping from DebtWatch");
        WebhookDelivery ping = delivery(subscription, "ping:" + new ObjectId().toHexString(), WebhookEventTypes.PING,
                body(WebhookEventTypes.PING, now, data));
        deliveries.enqueue(ping);
        worker.wake();
        return ping;
    }

    private WebhookDelivery delivery(WebhookSubscription s, String eventId, String type, String body) {
        Instant now = Instant.now();
        return new WebhookDelivery(new ObjectId().toHexString(), s.org(), s.id(), messageId(s.id(), eventId), eventId,
                type, body, Status.PENDING, 0, now.plus(firstDelay), null, null, null, List.of(), now);
    }

    private static String body(String type, Instant timestamp, JsonNode data) {
        ObjectNode body = EventJson.mapper().createObjectNode();
        body.put("type", type);
        body.put("timestamp", timestamp.toString());
        body.set("data", data);
        return body.toString();
    }

    private static Instant timestamp(JsonNode event) {
        JsonNode occurred = event.path("occurredAt");
        return occurred.isTextual() ? Instant.parse(occurred.asText()) : Instant.now();
    }

    /** The absolute index move, null when the event carries no previous index (a first score passes every filter). */
    private static Double indexChange(JsonNode event) {
        if (event.path("index").isNumber() && event.path("previousIndex").isNumber()) {
            return Math.abs(event.get("index").asDouble() - event.get("previousIndex").asDouble());
        }
        return null;
    }

    static String messageId(String subscriptionId, String eventId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((subscriptionId + ":" + eventId).getBytes(StandardCharsets.UTF_8));
            return "msg_" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable in this JVM", e);
        }
    }
}
