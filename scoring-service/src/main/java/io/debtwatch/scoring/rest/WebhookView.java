package io.debtwatch.scoring.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.debtwatch.scoring.repository.WebhookSubscription;
import java.time.Instant;
import java.util.List;

/**
 * A subscription as the API shows it. {@code secret} is present only in the answers to create and
 * rotate, the one time the caller sees it.
 *
 * @param id                      the subscription id
 * @param url                     where deliveries go
 * @param description             free text
 * @param eventTypes              the subscribed types, {@code ["*"]} for all
 * @param filters                 the filters
 * @param enabled                 whether deliveries are made
 * @param disabledReason          why it is disabled
 * @param previousSecretExpiresAt until when the pre-rotation secret still signs
 * @param createdAt               when it was created
 * @param updatedAt               when it last changed
 * @param secret                  the signing secret, on create and rotate only
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookView(String id, String url, String description, List<String> eventTypes,
        WebhookRequest.Filters filters, boolean enabled, String disabledReason, Instant previousSecretExpiresAt,
        Instant createdAt, Instant updatedAt, String secret) {

    static WebhookView of(WebhookSubscription s, boolean withSecret) {
        Instant now = Instant.now();
        Instant overlapEnd = s.previousSecretExpiresAt() != null && now.isBefore(s.previousSecretExpiresAt())
                ? s.previousSecretExpiresAt() : null;
        return new WebhookView(s.id(), s.url(), s.description(), s.eventTypes().isEmpty() ? List.of("*") : s.eventTypes(),
                new WebhookRequest.Filters(s.repositories(), s.teams(), s.minIndexChange()), s.enabled(),
                s.disabledReason(), overlapEnd, s.createdAt(), s.updatedAt(), withSecret ? s.secret() : null);
    }
}
