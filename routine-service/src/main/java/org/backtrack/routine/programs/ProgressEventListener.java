package org.backtrack.routine.programs;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.backtrack.events.Identifiers;
import org.backtrack.events.InvalidEventException;
import org.backtrack.events.ProgressStatusChanged;
import org.backtrack.events.Topics;
import org.backtrack.events.Violation;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns {@code backtrack.progress.status-changed.v1} into progression proposals on the program of the event's
 * (clinicId, patientId); anything unreadable, or with a malformed id, is dead-lettered naming the field.
 */
@Component
class ProgressEventListener {

    private final PatientPrograms programs;
    private final JsonMapper json;

    ProgressEventListener(PatientPrograms programs, JsonMapper json) {
        this.programs = programs;
        this.json = json;
    }

    @KafkaListener(topics = Topics.PROGRESS, groupId = "${backtrack.progress.consumer-group:routine-service}")
    void onProgress(ConsumerRecord<String, byte[]> record) {
        JsonNode event;
        try {
            event = json.readTree(record.value());
        } catch (JacksonException | IllegalArgumentException e) {
            throw new InvalidEventException(List.of(new Violation("$", "is not valid JSON")));
        }
        if (!ProgressStatusChanged.TYPE.equals(event.path("type").asString(""))) {
            return; // other progress event types are not for routine-service
        }
        JsonNode data = event.path("data");
        // the event id becomes the proposal's id, which clinicians name in a path: the same rule as every id
        String id = Identifiers.require("id", event.path("id").asString(""));
        String clinic = Identifiers.require("data.clinicId", data.path("clinicId").asString(""));
        String patient = Identifiers.require("data.patientId", data.path("patientId").asString(""));
        String action = data.path("suggestion").path("action").asString("");
        if (action.isBlank()) {
            throw new InvalidEventException(List.of(new Violation("data.suggestion.action", "is required")));
        }
        List<String> exercises = new ArrayList<>();
        data.path("suggestion").path("exercises").forEach(e -> exercises.add(e.asString()));
        programs.onProgress(id, clinic, patient, action, exercises, data.path("suggestion").path("reason").asString(""));
    }
}
