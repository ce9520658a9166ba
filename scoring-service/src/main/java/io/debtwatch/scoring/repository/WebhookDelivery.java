package io.debtwatch.scoring.repository;

import java.time.Instant;
import java.util.List;

/**
 * One event to send to one subscription, with every attempt made so far.
 *
 * @param id             the delivery id (24 hex characters)
 * @param org            the owning organisation
 * @param subscriptionId the subscription it goes to
 * @param messageId      the {@code webhook-id}, the same on every attempt and redelivery
 * @param eventId        the platform event behind it, unique per subscription
 * @param type           the webhook type
 * @param body           the exact JSON body, signed and sent on every attempt
 * @param status         where it stands
 * @param round          attempts made since it was (re)queued; picks the next delay of the schedule
 * @param nextAttemptAt  when it is due, null when it is not waiting
 * @param leaseToken     the token of the worker holding it, null when none
 * @param leaseUntil     until when that worker holds it
 * @param reason         why it ended as it did, null while under way
 * @param attempts       every attempt, oldest first
 * @param createdAt      when it was queued
 */
public record WebhookDelivery(
        String id,
        String org,
        String subscriptionId,
        String messageId,
        String eventId,
        String type,
        String body,
        Status status,
        int round,
        Instant nextAttemptAt,
        String leaseToken,
        Instant leaseUntil,
        String reason,
        List<Attempt> attempts,
        Instant createdAt) {

    public WebhookDelivery {
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }

    /** Where a delivery stands. */
    public enum Status {
        /** waiting for its next attempt */
        PENDING,
        /** claimed by a worker under a lease */
        DELIVERING,
        /** a 2xx answer arrived */
        SUCCEEDED,
        /** the last attempt of the schedule failed */
        DEAD,
        /** stopped because its subscription was disabled, answered 410 or was deleted */
        CANCELLED
    }

    /**
     * One HTTP attempt.
     *
     * @param at         when it started
     * @param statusCode the answer's status, null when none came
     * @param latencyMs  how long it took
     * @param error      what went wrong, null on success
     */
    public record Attempt(Instant at, Integer statusCode, long latencyMs, String error) {
    }
}
