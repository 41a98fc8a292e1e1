package org.backtrack.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Makes every CloudEvent a BackTrack producer publishes, so the envelope is written in one place: spec version 1.0,
 * JSON data, the type's {@code dataschema} ({@link DataSchemas}), the producer's {@code source}, and as {@code subject} the key the topic is partitioned by (patient or
 * exercise id).
 */
public final class CloudEventFactory {

    private final String source;

    /** @param source the producer, e.g. {@code /routine-service} */
    public CloudEventFactory(String source) {
        this.source = source;
    }

    public String source() {
        return source;
    }

    /**
     * The event of a stored version under the id stored with it: an outbox sends it again with the same id until the
     * broker acknowledges it, and consumers count it once.
     */
    public <T> CloudEvent<T> event(String id, String type, String subject, Instant time, T data) {
        return new CloudEvent<>(CloudEvent.SPEC_VERSION, id, source, type, subject, time, CloudEvent.JSON_CONTENT_TYPE,
                DataSchemas.of(type).orElse(null), data);
    }

    /** A new event with a fresh id. */
    public <T> CloudEvent<T> newEvent(String type, String subject, Instant time, T data) {
        return event(newId(), type, subject, time, data);
    }

    /** The id of an event not made yet (stored with the version that will owe it). */
    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
