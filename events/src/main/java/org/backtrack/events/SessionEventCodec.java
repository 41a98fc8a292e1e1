package org.backtrack.events;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.backtrack.events.ContractJson.invalid;

/**
 * Reads and writes {@code backtrack.session.completed.v1} events. Decoding always validates first, so a
 * consumer only ever sees events that honour the contract; anything else is an {@link InvalidEventException}
 * carrying every violation.
 */
public final class SessionEventCodec {

    private static final JsonMapper MAPPER = ContractJson.MAPPER;
    private static final JavaType EVENT_TYPE = ContractJson.eventOf(SessionCompleted.class);

    private final SessionEventValidator validator;

    public SessionEventCodec(SessionEventValidator validator) {
        this.validator = validator;
    }

    public SessionEventCodec() {
        this(new SessionEventValidator());
    }

    /** Wraps a payload in a new event with a fresh id; the subject is the patient, as partitioning is. */
    public static CloudEvent<SessionCompleted> newEvent(SessionCompleted session, String source, Instant time) {
        return new CloudEventFactory(source).newEvent(SessionCompleted.TYPE, session.patientId(), time, session);
    }

    public CloudEvent<SessionCompleted> decode(byte[] raw) {
        if (raw == null) {
            throw invalid("$", "is empty (a tombstone or a record without value)");
        }
        if (raw.length > SessionEventValidator.MAX_EVENT_BYTES) {
            throw invalid("$", "is " + raw.length + " bytes; at most " + SessionEventValidator.MAX_EVENT_BYTES + " are accepted");
        }
        JsonNode tree = parse(raw);
        throwIfInvalid(validator.validateEvent(tree));
        return ContractJson.convert(tree, EVENT_TYPE);
    }

    /** Validates and reads a payload received on its own (the HTTP body of a logged session). */
    public SessionCompleted decodeData(JsonNode data) {
        throwIfInvalid(validator.validateData(data));
        return ContractJson.convert(data, MAPPER.constructType(SessionCompleted.class));
    }

    public byte[] encode(CloudEvent<SessionCompleted> event) {
        JsonNode tree = MAPPER.valueToTree(event);
        throwIfInvalid(validator.validateEvent(tree)); // a producer never publishes what a consumer would reject
        byte[] bytes = MAPPER.writeValueAsBytes(tree);
        if (bytes.length > SessionEventValidator.MAX_EVENT_BYTES) {
            throw invalid("$", "encodes to " + bytes.length + " bytes; at most " + SessionEventValidator.MAX_EVENT_BYTES + " are accepted");
        }
        return bytes;
    }

    public String encodeToString(CloudEvent<SessionCompleted> event) {
        return new String(encode(event), StandardCharsets.UTF_8);
    }

    private static JsonNode parse(byte[] raw) {
        try {
            return MAPPER.readTree(raw);
        } catch (JacksonException e) {
            throw invalid("$", "is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static void throwIfInvalid(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidEventException(violations);
        }
    }
}
