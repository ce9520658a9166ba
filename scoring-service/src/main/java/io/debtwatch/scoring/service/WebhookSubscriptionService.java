package io.debtwatch.scoring.service;

import com.mongodb.client.model.Updates;
import io.debtwatch.scoring.config.WebhookConfig;
import io.debtwatch.scoring.repository.WebhookDeliveryRepository;
import io.debtwatch.scoring.repository.WebhookSubscription;
import io.debtwatch.scoring.repository.WebhookSubscriptionRepository;
import io.debtwatch.service.problem.FieldError;
import io.debtwatch.service.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.jboss.logging.Logger;

/** Creates, changes and rotates webhook subscriptions, validating input and the URL against SSRF. */
@ApplicationScoped
public class WebhookSubscriptionService {

    private static final Logger LOG = Logger.getLogger(WebhookSubscriptionService.class);
    private static final Pattern ORG = Pattern.compile("^[a-z0-9][a-z0-9-]{0,62}$");
    private static final Pattern REPO_ID = Pattern.compile("^[0-9a-f]{24}$");
    private static final Duration MAX_OVERLAP = Duration.ofDays(7);
    private static final int MAX_FILTER_ENTRIES = 500;

    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookDeliveryRepository deliveries;
    private final WebhookUrlValidator urls;
    private final WebhookConfig config;

    public WebhookSubscriptionService(WebhookSubscriptionRepository subscriptions,
            WebhookDeliveryRepository deliveries, WebhookUrlValidator urls, WebhookConfig config) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.urls = urls;
        this.config = config;
    }

    /**
     * @param org  the organisation
     * @param spec the subscription; url required
     * @return the stored subscription, whose secret the caller shows once
     */
    public WebhookSubscription create(String org, WebhookSpec spec) {
        checkOrg(org);
        if (spec.url() == null) {
            throw ProblemException.invalid("url", "is required");
        }
        validate(spec);
        Instant now = Instant.now();
        WebhookSubscription created = new WebhookSubscription(new ObjectId().toHexString(), org, spec.url().trim(),
                spec.description(), types(spec.eventTypes()), spec.repositories(), spec.teams(), spec.minIndexChange(),
                spec.enabled() == null || spec.enabled(), null, WebhookSigner.newSecret(), null, null, now, now);
        subscriptions.insert(created);
        LOG.infof("webhook %s created for org %s", created.id(), org);
        return created;
    }

    /**
     * @param org the organisation
     * @param id  the subscription id
     * @return the subscription
     * @throws ProblemException 404 when it is not in that org
     */
    public WebhookSubscription get(String org, String id) {
        checkOrg(org);
        return subscriptions.find(org, id).orElseThrow(() -> ProblemException.notFound("webhook", id));
    }

    /**
     * @param org the organisation
     * @return its subscriptions
     */
    public List<WebhookSubscription> list(String org) {
        checkOrg(org);
        return subscriptions.list(org);
    }

    /**
     * @param org  the organisation
     * @param id   the subscription id
     * @param spec the fields to change
     * @return the subscription after the change
     */
    public WebhookSubscription update(String org, String id, WebhookSpec spec) {
        get(org, id);
        validate(spec);
        List<Bson> changes = new ArrayList<>();
        if (spec.url() != null) {
            changes.add(Updates.set("url", spec.url().trim()));
        }
        if (spec.description() != null) {
            changes.add(Updates.set("description", spec.description()));
        }
        if (spec.eventTypes() != null) {
            changes.add(Updates.set("eventTypes", types(spec.eventTypes())));
        }
        if (spec.repositories() != null) {
            changes.add(Updates.set("repositories", spec.repositories()));
        }
        if (spec.teams() != null) {
            changes.add(Updates.set("teams", spec.teams()));
        }
        if (spec.minIndexChange() != null) {
            changes.add(Updates.set("minIndexChange", spec.minIndexChange() <= 0 ? null : spec.minIndexChange()));
        }
        WebhookSubscription updated = subscriptions.update(org, id, changes)
                .orElseThrow(() -> ProblemException.notFound("webhook", id));
        return spec.enabled() == null ? updated : setEnabled(org, id, spec.enabled(), "disabled through the API");
    }

    /**
     * @param org     the organisation
     * @param id      the subscription id
     * @param enabled whether deliveries are made
     * @param reason  why it is disabled, when it is
     * @return the subscription after the change
     */
    public WebhookSubscription setEnabled(String org, String id, boolean enabled, String reason) {
        checkOrg(org);
        WebhookSubscription changed = subscriptions.update(org, id, List.of(Updates.set("enabled", enabled),
                Updates.set("disabledReason", enabled ? null : reason)))
                .orElseThrow(() -> ProblemException.notFound("webhook", id));
        if (!enabled) {
            deliveries.cancelWaiting(id, "subscription disabled: " + reason);
            LOG.infof("webhook %s of org %s disabled: %s", id, org, reason);
        }
        return changed;
    }

    /**
     * @param org the organisation
     * @param id  the subscription id
     */
    public void delete(String org, String id) {
        checkOrg(org);
        if (!subscriptions.delete(org, id)) {
            throw ProblemException.notFound("webhook", id);
        }
        deliveries.cancelWaiting(id, "subscription deleted");
    }

    /**
     * Replaces the secret; the old one keeps signing (as a second signature) until the overlap ends.
     *
     * @param org     the organisation
     * @param id      the subscription id
     * @param overlap how long the old secret stays valid, null for the configured default
     * @return the subscription with its new secret, which the caller shows once
     */
    public WebhookSubscription rotateSecret(String org, String id, Duration overlap) {
        WebhookSubscription current = get(org, id);
        Duration keep = overlap == null ? config.rotationOverlap() : overlap;
        if (keep.isNegative() || keep.compareTo(MAX_OVERLAP) > 0) {
            throw ProblemException.invalid("overlapSeconds", "must be between 0 and " + MAX_OVERLAP.toSeconds());
        }
        Instant expires = Instant.now().plus(keep);
        return subscriptions.update(org, id, List.of(Updates.set("secret", WebhookSigner.newSecret()),
                Updates.set("previousSecret", keep.isZero() ? null : current.secret()),
                Updates.set("previousSecretExpiresAt", keep.isZero() ? null : Date.from(expires))))
                .orElseThrow(() -> ProblemException.notFound("webhook", id));
    }

    private void validate(WebhookSpec spec) {
        List<FieldError> errors = new ArrayList<>();
        if (spec.url() != null) {
            try {
                urls.check(spec.url());
            } catch (RefusedUrlException e) {
                errors.add(new FieldError("url", e.getMessage()));
            }
        }
        if (spec.eventTypes() != null) {
            for (String type : spec.eventTypes()) {
                if (!"*".equals(type) && !WebhookEventTypes.SUBSCRIBABLE.contains(type)) {
                    errors.add(new FieldError("eventTypes", "unknown type " + type + "; known: "
                            + String.join(", ", WebhookEventTypes.SUBSCRIBABLE) + " or *"));
                }
            }
        }
        if (spec.repositories() != null && (spec.repositories().size() > MAX_FILTER_ENTRIES
                || !spec.repositories().stream().allMatch(r -> r != null && REPO_ID.matcher(r).matches()))) {
            errors.add(new FieldError("filters.repositories", "must be at most " + MAX_FILTER_ENTRIES
                    + " repository ids of 24 lowercase hex characters"));
        }
        if (spec.teams() != null && (spec.teams().size() > MAX_FILTER_ENTRIES
                || !spec.teams().stream().allMatch(t -> t != null && !t.isBlank()))) {
            errors.add(new FieldError("filters.teams", "must be at most " + MAX_FILTER_ENTRIES + " non-blank names"));
        }
        if (spec.minIndexChange() != null && (spec.minIndexChange() < 0 || spec.minIndexChange() > 100)) {
            errors.add(new FieldError("filters.minIndexChange", "must be between 0 and 100"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static List<String> types(List<String> requested) {
        return requested == null || requested.contains("*") ? List.of() : requested.stream().distinct().toList();
    }

    private static void checkOrg(String org) {
        if (org == null || !ORG.matcher(org).matches()) {
            throw ProblemException.notFound("organisation", String.valueOf(org));
        }
    }
}
