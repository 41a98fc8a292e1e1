package org.backtrack.routine.feedback.learning;

import lombok.RequiredArgsConstructor;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.backtrack.deadletters.DeadLetterPublisher;
import org.backtrack.events.CloudEvent;
import org.backtrack.events.SessionCompleted;
import org.backtrack.events.SessionEventCodec;
import org.backtrack.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Every session on {@code backtrack.sessions}, routine-service's own and those integrators produce, in a consumer group
 * of its own, a poll at a time: decoded with the one session codec (a record that breaks the contract is dead-lettered
 * to {@code backtrack.sessions-dlt} with the field named, and the rest go on) and handed to {@link ExerciseFeedbackLog}
 * together, so a patient's feedback is read and written once per poll rather than once per session. Should a dead
 * letter not be written, that record goes to the error handler by position (it stalls the partition visibly).
 */
@Component
@RequiredArgsConstructor
class SessionFeedbackListener {

    private final ExerciseFeedbackLog feedback;
    private final SessionEventCodec codec;
    private final DeadLetterPublisher deadLetters;

    @KafkaListener(topics = Topics.SESSIONS, groupId = "${backtrack.feedback.consumer-group:routine-service-feedback}",
            batch = "true")
    void onSessions(List<ConsumerRecord<String, byte[]>> records, Consumer<?, ?> consumer) {
        List<CloudEvent<SessionCompleted>> sessions = new ArrayList<>(records.size());
        deadLetters.forEachOrDeadLetter(records, consumer, record -> sessions.add(codec.decode(record.value())),
                () -> feedback.learnAll(sessions));
    }
}
