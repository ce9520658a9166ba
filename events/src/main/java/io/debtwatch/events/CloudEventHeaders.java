package io.debtwatch.events;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** The CloudEvents (Kafka binary mode) headers every platform message carries. */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String SPEC_VERSION = "ce_specversion";

    private CloudEventHeaders() {
    }

    /**
     * @param eventId the event's deterministic id
     * @param type    one of {@link EventTypes}
     * @param source  the producing service, such as {@code /debtwatch/ingest-service}
     * @param subject what the event is about, the repoId
     * @return the headers for the Kafka record
     */
    public static Headers of(String eventId, String type, String source, String subject) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(ID, bytes(eventId));
        headers.add(TYPE, bytes(type));
        headers.add(SOURCE, bytes(source));
        headers.add(SUBJECT, bytes(subject));
        headers.add(SPEC_VERSION, bytes("1.0"));
        return headers;
    }

    /**
     * @param headers a record's headers
     * @param name    a header name
     * @return its last value as text, or null
     */
    public static String get(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
