package io.debtwatch.scoring.service;

import java.util.List;

/**
 * What a caller asks a subscription to be; on update, null fields stay as they are.
 *
 * @param url            where deliveries go
 * @param description    free text, may be null
 * @param eventTypes     the webhook types, empty or {@code ["*"]} for all
 * @param repositories   repository ids to limit to, empty for all
 * @param teams          teams to limit to, empty for all
 * @param minIndexChange the smallest absolute index move worth a delivery
 * @param enabled        whether deliveries are made
 */
public record WebhookSpec(String url, String description, List<String> eventTypes, List<String> repositories,
        List<String> teams, Double minIndexChange, Boolean enabled) {
}
