package io.debtwatch.scoring.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.debtwatch.events.EventFormatException;
import io.debtwatch.events.EventJson;
import io.debtwatch.events.ScoreChanged;
import io.debtwatch.scoring.service.WebhookEventTypes;
import io.debtwatch.scoring.service.WebhookFanoutService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads {@code debtwatch.score-events} in its own consumer group and queues webhook deliveries. The
 * {@code ce_type} header picks the webhook type; unknown types are skipped, and a message that cannot be
 * read throws, which sends it to {@code debtwatch.score-events.dlq}.
 */
@ApplicationScoped
public class ScoreEventConsumer {

    /** The channel, configured under {@code mp.messaging.incoming.webhook-score-events}. */
    public static final String CHANNEL = "webhook-score-events";

    private static final Logger LOG = Logger.getLogger(ScoreEventConsumer.class);

    private final WebhookFanoutService fanout;

    public ScoreEventConsumer(WebhookFanoutService fanout) {
        this.fanout = fanout;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        String ceType = header(record, "ce_type");
        Optional<String> type = WebhookEventTypes.fromCloudEventType(ceType);
        if (type.isEmpty()) {
            LOG.infof("score event at %s-%d@%d has type %s, which webhooks do not deliver; skipped", record.topic(),
                    record.partition(), record.offset(), ceType);
            return;
        }
        JsonNode event = read(type.get(), record.value());
        int queued = fanout.fanOut(type.get(), event);
        LOG.debugf("%s %s queued for %d webhooks", type.get(), event.path("eventId").asText(), queued);
    }

    /** Checks the body is the event it claims to be: typed where the contract is in this build, by its ids otherwise. */
    private static JsonNode read(String type, String value) {
        if (WebhookEventTypes.SCORE_CHANGED.equals(type)) {
            EventJson.read(value, ScoreChanged.class);
        }
        JsonNode event;
        try {
            event = EventJson.mapper().readTree(value == null ? "" : value);
        } catch (JsonProcessingException e) {
            throw new EventFormatException("not a JSON " + type + " event: " + e.getOriginalMessage(), e);
        }
        if (event == null || !event.isObject()) {
            throw new EventFormatException(type + " event is not a JSON object", null);
        }
        for (String field : new String[] {"eventId", "org"}) {
            if (!event.path(field).isTextual() || event.get(field).asText().isBlank()) {
                throw new EventFormatException(type + " event has no " + field, null);
            }
        }
        if (event.hasNonNull("occurredAt")) {
            try {
                Instant.parse(event.get("occurredAt").asText());
            } catch (DateTimeParseException e) {
                throw new EventFormatException(type + " event has an invalid occurredAt", e);
            }
        }
        return event;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
