package io.debtwatch.scoring.rest;

import io.debtwatch.scoring.repository.WebhookDelivery;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A delivery as the API shows it, attempts included.
 *
 * @param id            the delivery id
 * @param webhookId     the subscription id
 * @param messageId     the {@code webhook-id} header, the same on every attempt
 * @param eventId       the platform event
 * @param type          the webhook type
 * @param status        pending, delivering, succeeded, dead or cancelled
 * @param reason        why it ended as it did
 * @param nextAttemptAt when it is tried next
 * @param createdAt     when it was queued
 * @param attempts      every attempt: time, status code, latency, error
 */
public record WebhookDeliveryView(String id, String webhookId, String messageId, String eventId, String type,
        String status, String reason, Instant nextAttemptAt, Instant createdAt, List<WebhookDelivery.Attempt> attempts) {

    static WebhookDeliveryView of(WebhookDelivery d) {
        return new WebhookDeliveryView(d.id(), d.subscriptionId(), d.messageId(), d.eventId(), d.type(),
                d.status().name().toLowerCase(Locale.ROOT), d.reason(), d.nextAttemptAt(), d.createdAt(), d.attempts());
    }
}
