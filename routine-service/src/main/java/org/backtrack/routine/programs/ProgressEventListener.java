package org.backtrack.routine.programs;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.backtrack.events.ProgressEventCodec;
import org.backtrack.events.ProgressStatusChanged;
import org.backtrack.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Objects;

/**
 * Turns {@code backtrack.progress.status-changed.v1} into progression proposals on the program of the event's
 * (clinicId, patientId); anything unreadable, or with a malformed id, is dead-lettered naming the field.
 */
@Component
class ProgressEventListener {

    private final PatientPrograms programs;
    private final ProgressEventCodec codec;

    /** Parsed with the service's JSON mapper, whose limits bound what a hostile record can make the parser do. */
    ProgressEventListener(PatientPrograms programs, JsonMapper json) {
        this.programs = programs;
        this.codec = new ProgressEventCodec(json);
    }

    @KafkaListener(topics = Topics.PROGRESS, groupId = "${backtrack.progress.consumer-group:routine-service}")
    void onProgress(ConsumerRecord<String, byte[]> record) {
        // other progress event types are not for routine-service
        codec.decodeStatusChanged(record.value()).ifPresent(event -> {
            ProgressStatusChanged change = event.data();
            ProgressStatusChanged.Suggestion suggestion = change.suggestion();
            programs.onProgress(event.id(), change.clinicId(), change.patientId(), suggestion.action(),
                    Objects.requireNonNullElse(suggestion.exercises(), List.of()), Objects.requireNonNullElse(suggestion.reason(), ""));
        });
    }
}
