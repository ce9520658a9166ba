package io.debtwatch.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON mapping of every event: ISO-8601 instants, unknown fields ignored (contracts grow by
 * adding fields), missing required ids rejected.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private EventJson() {
    }

    /**
     * @param event any event record
     * @return its JSON text
     * @throws IllegalArgumentException when the event cannot be written, which is a programming error
     */
    public static String write(Object event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + event.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /**
     * Reads an event and checks that it carries its {@code eventId}.
     *
     * @param json the message text
     * @param type the event record class
     * @param <T>  the event type
     * @return the event
     * @throws EventFormatException when the text is not JSON, not of that shape, or has no eventId
     */
    public static <T extends Record> T read(String json, Class<T> type) {
        if (json == null || json.isBlank()) {
            throw new EventFormatException("empty message where " + type.getSimpleName() + " was expected", null);
        }
        T event;
        try {
            event = MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new EventFormatException("not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
        try {
            Object eventId = type.getMethod("eventId").invoke(event);
            if (eventId == null || eventId.toString().isBlank()) {
                throw new EventFormatException(type.getSimpleName() + " has no eventId", null);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(type.getSimpleName() + " is not an event record with an eventId", e);
        }
        return event;
    }

    /**
     * @return the shared mapper, for callers that need a tree or a type this class does not cover
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
