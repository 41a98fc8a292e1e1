package org.backtrack.events;

import lombok.RequiredArgsConstructor;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Arrays;
import java.util.Optional;

import static org.backtrack.events.ContractJson.invalid;

/**
 * Reads {@code backtrack.progress} into the typed records of this contract. A status change is checked for what a
 * consumer acts on (the event id, the patient's clinic and id, the suggested action), an alert for its id, clinic,
 * patient and type, and anything that breaks it is an {@link InvalidEventException} naming the field; other progress
 * event types are passed over, so producers may add types without breaking consumers.
 */
@RequiredArgsConstructor
public final class ProgressEventCodec {

    private static final JavaType STATUS_CHANGED = ContractJson.eventOf(ProgressStatusChanged.class);
    private static final JavaType ALERT_RAISED = ContractJson.eventOf(AlertRaised.class);
    private static final JavaType ALERT_RESOLVED = ContractJson.eventOf(AlertResolved.class);
    private static final JavaType ALERT_ACKNOWLEDGED = ContractJson.eventOf(AlertAcknowledged.class);
    private static final JavaType ENDPOINT_DISABLED = ContractJson.eventOf(WebhookEndpointDisabled.class);
    private static final JavaType MONITORING_DAYS_REACHED = ContractJson.eventOf(MonitoringDaysReached.class);

    /** Reads the raw record, with the consumer's limits on what a hostile record can make it parse. */
    private final JsonMapper parser;

    /**
     * The record read once and checked as its type requires: a status change, a raised or a resolved alert, for a
     * consumer that acts on several types of the topic and dispatches on {@code data()}'s class.
     *
     * @return the event; empty for a progress event of another type
     * @throws InvalidEventException when the record is no JSON, or an event of these types without what consumers act on
     */
    public Optional<CloudEvent<?>> decode(byte[] raw) {
        JsonNode event = ContractJson.readEvent(parser, raw);
        String type = event.path("type").asString("");
        if (ProgressStatusChanged.TYPE.equals(type)) {
            return Optional.of(statusChanged(event));
        }
        if (AlertRaised.TYPE.equals(type)) {
            return Optional.of(alert(event, ALERT_RAISED));
        }
        if (AlertResolved.TYPE.equals(type)) {
            return Optional.of(alert(event, ALERT_RESOLVED));
        }
        return Optional.empty();
    }

    /**
     * {@link #decode}, acknowledgements included: for a consumer that forwards every type of the topic BackTrack defines
     * (the webhooks), checked as each type requires.
     *
     * @return the event; empty for a progress event of a type this contract does not define
     * @throws InvalidEventException when the record is no JSON, or an event of these types without what consumers act on
     */
    public Optional<CloudEvent<?>> decodeEveryType(byte[] raw) {
        JsonNode event = ContractJson.readEvent(parser, raw);
        String type = event.path("type").asString("");
        if (AlertAcknowledged.TYPE.equals(type)) {
            return Optional.of(alert(event, ALERT_ACKNOWLEDGED));
        }
        if (WebhookEndpointDisabled.TYPE.equals(type)) {
            JsonNode data = event.path("data");
            Identifiers.require("data.webhookId", data.path("webhookId").asString(""));
            Identifiers.require("data.clinicId", data.path("clinicId").asString(""));
            return Optional.of(ContractJson.convert(event, ENDPOINT_DISABLED));
        }
        if (MonitoringDaysReached.TYPE.equals(type)) {
            JsonNode data = event.path("data");
            Identifiers.require("data.clinicId", data.path("clinicId").asString(""));
            Identifiers.require("data.patientId", data.path("patientId").asString(""));
            return Optional.of(ContractJson.convert(event, MONITORING_DAYS_REACHED));
        }
        return decode(raw);
    }

    /**
     * @return the status change; empty for a progress event of another type
     * @throws InvalidEventException when the record is no JSON, or a status change without what consumers act on
     */
    public Optional<CloudEvent<ProgressStatusChanged>> decodeStatusChanged(byte[] raw) {
        JsonNode event = ContractJson.readEvent(parser, raw);
        return ProgressStatusChanged.TYPE.equals(event.path("type").asString("")) ? Optional.of(statusChanged(event)) : Optional.empty();
    }

    private static CloudEvent<ProgressStatusChanged> statusChanged(JsonNode event) {
        JsonNode data = event.path("data");
        // the event id becomes a proposal's id, which clinicians name in a path: the same rule as every id
        Identifiers.require("id", event.path("id").asString(""));
        Identifiers.require("data.clinicId", data.path("clinicId").asString(""));
        Identifiers.require("data.patientId", data.path("patientId").asString(""));
        if (data.path("suggestion").path("action").asString("").isBlank()) {
            throw invalid("data.suggestion.action", "is required");
        }
        return ContractJson.convert(event, STATUS_CHANGED);
    }

    private static <T> CloudEvent<T> alert(JsonNode event, JavaType javaType) {
        JsonNode data = event.path("data");
        Identifiers.require("data.alertId", data.path("alertId").asString(""));
        Identifiers.require("data.clinicId", data.path("clinicId").asString(""));
        Identifiers.require("data.patientId", data.path("patientId").asString(""));
        String alertType = data.path("type").asString("");
        if (Arrays.stream(AlertType.values()).noneMatch(t -> t.name().equals(alertType))) {
            throw invalid("data.type", "must be one of the alert types");
        }
        return ContractJson.convert(event, javaType);
    }
}
