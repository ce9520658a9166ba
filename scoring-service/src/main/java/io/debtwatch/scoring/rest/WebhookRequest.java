package io.debtwatch.scoring.rest;

import io.debtwatch.scoring.service.WebhookSpec;
import java.util.List;

/**
 * Body of create (url required) and PATCH (only the fields given change).
 *
 * @param url         where deliveries go
 * @param description free text
 * @param eventTypes  the webhook types, omitted, empty or {@code ["*"]} for all
 * @param filters     optional filters
 * @param enabled     whether deliveries are made, default true
 */
public record WebhookRequest(String url, String description, List<String> eventTypes, Filters filters,
        Boolean enabled) {

    /**
     * Optional filters; an empty list matches everything.
     *
     * @param repositories   repository ids
     * @param teams          team names
     * @param minIndexChange smallest absolute index move that is delivered, 0 to 100
     */
    public record Filters(List<String> repositories, List<String> teams, Double minIndexChange) {
    }

    WebhookSpec toSpec() {
        Filters f = filters == null ? new Filters(null, null, null) : filters;
        return new WebhookSpec(url, description, eventTypes, f.repositories(), f.teams(), f.minIndexChange(), enabled);
    }
}
