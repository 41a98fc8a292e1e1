package org.backtrack.routine.feedback.learning;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.backtrack.events.SessionEventCodec;
import org.backtrack.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Every session on {@code backtrack.sessions}, routine-service's own and those integrators produce, in a consumer group
 * of its own: decoded with the one session codec (a record that breaks the contract is dead-lettered to
 * {@code backtrack.sessions-dlt} with the field named) and handed to {@link ExerciseFeedbackLog}.
 */
@Component
class SessionFeedbackListener {

    private final ExerciseFeedbackLog feedback;
    private final SessionEventCodec codec;

    SessionFeedbackListener(ExerciseFeedbackLog feedback, SessionEventCodec codec) {
        this.feedback = feedback;
        this.codec = codec;
    }

    @KafkaListener(topics = Topics.SESSIONS, groupId = "${backtrack.feedback.consumer-group:routine-service-feedback}")
    void onSession(ConsumerRecord<String, byte[]> record) {
        feedback.learn(codec.decode(record.value()));
    }
}
