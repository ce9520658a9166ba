package io.debtwatch.scoring.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A stored webhook subscription. An empty {@code eventTypes} means every type; empty filters match
 * everything.
 *
 * @param id                      the subscription id (24 hex characters)
 * @param org                     the owning organisation
 * @param url                     where deliveries go
 * @param description             free text for people, may be null
 * @param eventTypes              the subscribed webhook types, empty for all
 * @param repositories            only events of these repository ids, empty for all
 * @param teams                   only events of these teams, empty for all
 * @param minIndexChange          only score moves of at least this many index points, null for any
 * @param enabled                 whether deliveries are made
 * @param disabledReason          why it was disabled, null when enabled
 * @param secret                  the signing secret in force
 * @param previousSecret          the secret before the last rotation, null when none
 * @param previousSecretExpiresAt until when the previous secret still signs, null when none
 * @param createdAt               when it was created
 * @param updatedAt               when it last changed
 */
public record WebhookSubscription(
        String id,
        String org,
        String url,
        String description,
        List<String> eventTypes,
        List<String> repositories,
        List<String> teams,
        Double minIndexChange,
        boolean enabled,
        String disabledReason,
        String secret,
        String previousSecret,
        Instant previousSecretExpiresAt,
        Instant createdAt,
        Instant updatedAt) {

    public WebhookSubscription {
        eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
        repositories = repositories == null ? List.of() : List.copyOf(repositories);
        teams = teams == null ? List.of() : List.copyOf(teams);
    }

    /**
     * @param now the time of the attempt
     * @return the secrets that sign an attempt made now, newest first
     */
    public List<String> signingSecrets(Instant now) {
        List<String> secrets = new ArrayList<>(List.of(secret));
        if (previousSecret != null && previousSecretExpiresAt != null && now.isBefore(previousSecretExpiresAt)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }

    /**
     * @param type        the webhook type
     * @param repoId      the repository of the event, may be null
     * @param team        the team of the event, may be null
     * @param indexChange the absolute index change the event carries, null when it carries none
     * @param occurredAt  when the event happened; events from before the subscription existed are not sent,
     *                    so a replayed topic never floods a new receiver with history
     * @return whether this subscription wants the event
     */
    public boolean wants(String type, String repoId, String team, Double indexChange, Instant occurredAt) {
        if (occurredAt.isBefore(createdAt)) {
            return false;
        }
        if (!eventTypes.isEmpty() && !eventTypes.contains(type)) {
            return false;
        }
        if (!repositories.isEmpty() && !repositories.contains(repoId)) {
            return false;
        }
        if (!teams.isEmpty() && !teams.contains(team)) {
            return false;
        }
        return minIndexChange == null || indexChange == null || indexChange >= minIndexChange;
    }
}
