package io.debtwatch.scoring.service;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The webhook types users subscribe to, and how CloudEvents {@code ce_type} values map onto them. */
public final class WebhookEventTypes {

    public static final String SCORE_CHANGED = "score.changed";
    public static final String GRADE_CHANGED = "grade.changed";
    public static final String THRESHOLD_CROSSED = "threshold.crossed";
    public static final String PROTOTYPE_PROMOTED = "prototype.promoted";
    public static final String REPOSITORY_SYNC_FAILED = "repository.sync_failed";
    /** Sent by {@code POST …/test} only; every subscription receives it whatever its types. */
    public static final String PING = "webhook.ping";

    /** Every type a subscription may name. */
    public static final List<String> SUBSCRIBABLE = List.of(SCORE_CHANGED, GRADE_CHANGED, THRESHOLD_CROSSED,
            PROTOTYPE_PROMOTED, REPOSITORY_SYNC_FAILED);

    /** {@code io.debtwatch.score.changed.v1} → {@code score.changed}; the version is ours, not the receiver's. */
    private static final Pattern CLOUD_EVENT_TYPE = Pattern.compile("^io\\.debtwatch\\.([a-z_]+\\.[a-z_]+)\\.v\\d+$");

    private WebhookEventTypes() {
    }

    /**
     * @param ceType the {@code ce_type} header, may be null
     * @return the webhook type, empty when the platform event is not one webhooks deliver
     */
    public static Optional<String> fromCloudEventType(String ceType) {
        if (ceType == null) {
            return Optional.empty();
        }
        Matcher m = CLOUD_EVENT_TYPE.matcher(ceType);
        return m.matches() && SUBSCRIBABLE.contains(m.group(1)) ? Optional.of(m.group(1)) : Optional.empty();
    }
}
