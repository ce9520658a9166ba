package io.debtwatch.scoring.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.debtwatch.events.EventFormatException;
import io.debtwatch.events.EventJson;
import io.debtwatch.events.RepositoryDeleted;
import io.debtwatch.events.RepositoryRegistered;
import io.debtwatch.scoring.service.RepositoryLifecycleService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code debtwatch.repositories} for teams, default branches and deletions; unreadable
 * messages go to {@code debtwatch.repositories.dlq}.
 */
@ApplicationScoped
public class RepositoryEventConsumer {

    static final String CHANNEL = "repositories";

    private final RepositoryLifecycleService lifecycle;

    RepositoryEventConsumer(RepositoryLifecycleService lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    void consume(String payload) {
        String eventId = eventId(payload);
        if (eventId.endsWith(":deleted")) {
            lifecycle.deleted(EventJson.read(payload, RepositoryDeleted.class));
        } else if (eventId.endsWith(":registered")) {
            lifecycle.registered(EventJson.read(payload, RepositoryRegistered.class));
        } else {
            throw new EventFormatException("unknown repository event " + eventId, null);
        }
    }

    private static String eventId(String payload) {
        try {
            JsonNode id = payload == null ? null : EventJson.mapper().readTree(payload).get("eventId");
            if (id == null || !id.isTextual()) {
                throw new EventFormatException("repository event without eventId", null);
            }
            return id.asText();
        } catch (JsonProcessingException e) {
            throw new EventFormatException("repository event is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
