package org.backtrack.routine.programs;

import org.backtrack.security.PatientOwners;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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

/** Turns {@code backtrack.progress.status-changed.v1} into progression proposals; anything unreadable is dead-lettered. */
@Component
class ProgressEventListener {

    private final PatientPrograms programs;
    private final PatientOwners owners;
    private final JsonMapper json;

    ProgressEventListener(PatientPrograms programs, PatientOwners owners, JsonMapper json) {
        this.programs = programs;
        this.owners = owners;
        this.json = json;
    }

    @KafkaListener(topics = Topics.PROGRESS, groupId = "routine-service")
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
        String id = event.path("id").asString("");
        String patient = data.path("patientId").asString("");
        String clinic = data.path("clinicId").asString("");
        String action = data.path("suggestion").path("action").asString("");
        if (id.isBlank() || patient.isBlank() || clinic.isBlank() || action.isBlank()) {
            throw new InvalidEventException(List.of(new Violation("data", "needs id, patientId, clinicId and suggestion.action")));
        }
        if (!owners.claim(patient, clinic).equals(clinic)) {
            throw new InvalidEventException(List.of(new Violation("data.clinicId", "patient " + patient + " belongs to another clinic")));
        }
        List<String> exercises = new ArrayList<>();
        data.path("suggestion").path("exercises").forEach(e -> exercises.add(e.asString()));
        programs.onProgress(id, patient, clinic, action, exercises, data.path("suggestion").path("reason").asString(""));
    }
}
