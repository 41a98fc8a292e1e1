package org.backtrack.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.Objects;

/**
 * A CloudEvents 1.0 event in structured JSON mode. {@code dataschema} names the schema of the event's type
 * ({@link DataSchemas}); events from integrators may leave it out.
 *
 * @param <T> the type of {@code data}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent<T>(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        String dataschema,
        T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON_CONTENT_TYPE = "application/json";
    /** The media type of a whole event written as one JSON object: CloudEvents' structured mode with its JSON format. */
    public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json";
    /**
     * The Kafka record header that says how the value is encoded (the CloudEvents Kafka binding). Every record BackTrack
     * produces carries it with {@link #STRUCTURED_CONTENT_TYPE}, so the official SDKs read it as structured mode;
     * without it they take a record for binary mode and fail on it.
     */
    public static final String CONTENT_TYPE_HEADER = "content-type";

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
    }
}
