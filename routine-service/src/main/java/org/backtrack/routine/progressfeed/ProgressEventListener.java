package org.backtrack.routine.progressfeed;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.backtrack.deadletters.DeadLetterPublisher;
import org.backtrack.events.AlertRaised;
import org.backtrack.events.AlertResolved;
import org.backtrack.events.CloudEvent;
import org.backtrack.events.ProgressEventCodec;
import org.backtrack.events.ProgressStatusChanged;
import org.backtrack.events.Topics;
import org.backtrack.routine.feedback.learning.ExerciseFeedbackLog;
import org.backtrack.routine.programs.PatientPrograms;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * routine-service's one consumer of {@code backtrack.progress}: each record is read once and handed on by its type. A
 * status change becomes a progression proposal on the program of its (clinicId, patientId); a red-flag alert raised or
 * resolved opens or closes the hold on the patient's feedback progressions. Other progress events are passed over;
 * anything unreadable, or with a malformed id, is dead-lettered naming the field.
 */
@Component
class ProgressEventListener {

    private final PatientPrograms programs;
    private final ExerciseFeedbackLog feedback;
    private final ProgressEventCodec codec;
    private final DeadLetterPublisher deadLetters;

    /** Parsed with the service's JSON mapper, whose limits bound what a hostile record can make the parser do. */
    ProgressEventListener(PatientPrograms programs, ExerciseFeedbackLog feedback, JsonMapper json, DeadLetterPublisher deadLetters) {
        this.programs = programs;
        this.deadLetters = deadLetters;
        this.feedback = feedback;
        this.codec = new ProgressEventCodec(json);
    }

    /**
     * A poll at a time: the status changes of each patient go to their program in one read and one write; a record
     * that cannot be read is dead-lettered with its reason and the rest go on. Any other failure, or a dead letter that
     * cannot be written, applies what came before the record and hands the record to the error handler by position.
     */
    @KafkaListener(topics = Topics.PROGRESS, groupId = "${backtrack.progress.consumer-group:routine-service}", batch = "true")
    void onProgress(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer) {
        List<PatientPrograms.Suggestion> suggestions = new ArrayList<>();
        deadLetters.forEachOrDeadLetter(records, consumer,
                record -> codec.decode(record.value()).ifPresent(event -> handle(event, suggestions)),
                () -> programs.onProgress(suggestions));
    }

    /** Status changes are collected for the programs; red flags go to the feedback rules at once (another document). */
    private void handle(CloudEvent<?> event, List<PatientPrograms.Suggestion> suggestions) {
        if (event.data() instanceof ProgressStatusChanged change) {
            ProgressStatusChanged.Suggestion suggestion = change.suggestion();
            suggestions.add(new PatientPrograms.Suggestion(event.id(), change.clinicId(), change.patientId(), suggestion.action(),
                    Objects.requireNonNullElse(suggestion.exercises(), List.of()), Objects.requireNonNullElse(suggestion.reason(), "")));
        } else if (event.data() instanceof AlertRaised raised) {
            feedback.redFlagRaised(raised);
        } else if (event.data() instanceof AlertResolved resolved) {
            feedback.redFlagResolved(resolved);
        }
    }
}
