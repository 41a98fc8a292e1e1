package org.backtrack.routine.feedback.learning;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.backtrack.events.ProgressEventCodec;
import org.backtrack.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Red-flag alerts raised and resolved on {@code backtrack.progress}, in a consumer group of its own so that it reads
 * the topic from its beginning even where routine-service's proposal consumer has long passed those events: while a
 * red flag is open, feedback progresses nothing. Other progress events are passed over.
 */
@Component
class RedFlagAlertListener {

    private final ExerciseFeedbackLog feedback;
    private final ProgressEventCodec codec;

    /** Parsed with the service's JSON mapper, whose limits bound what a hostile record can make the parser do. */
    RedFlagAlertListener(ExerciseFeedbackLog feedback, JsonMapper json) {
        this.feedback = feedback;
        this.codec = new ProgressEventCodec(json);
    }

    @KafkaListener(topics = Topics.PROGRESS, groupId = "${backtrack.feedback.red-flag-consumer-group:routine-service-red-flags}")
    void onProgress(ConsumerRecord<String, byte[]> record) {
        codec.decodeAlertRaised(record.value()).ifPresent(event -> feedback.redFlagRaised(event.data()));
        codec.decodeAlertResolved(record.value()).ifPresent(event -> feedback.redFlagResolved(event.data()));
    }
}
