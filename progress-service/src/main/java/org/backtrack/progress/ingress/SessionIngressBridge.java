package org.backtrack.progress.ingress;

import lombok.RequiredArgsConstructor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.backtrack.events.CloudEvent;
import org.backtrack.events.SessionCompleted;
import org.backtrack.events.SessionEventCodec;
import org.backtrack.events.Topics;
import org.backtrack.outbox.AcknowledgedSend;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Forwards what a clinic's integration wrote on its own ingress topic ({@code backtrack.sessions.<clinicId>}) to
 * {@code backtrack.sessions}, unchanged, once the event honours the contract and speaks for that clinic
 * ({@link IngressClinicRule}). Anything else goes to the ingress topic's dead-letter topic with the reason, by the
 * service's error handler, BackTrack's one dead-letter mechanism. An ingress topic is provisioned together with its
 * {@code -dlt}; if that is missing or refuses the dead letter, the partition stalls visibly (paused, readiness DOWN)
 * rather than losing the record. The offset is committed only after the broker acknowledged the forward, so nothing
 * is lost; a record forwarded twice carries the same event id and counts once.
 */
@Component
@RequiredArgsConstructor
class SessionIngressBridge {

    static final String GROUP = "progress-service-ingress";
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final SessionEventCodec codec;
    private final KafkaOperations<Object, Object> kafka;

    // new ingress topics are found within the metadata age
    @KafkaListener(topicPattern = Topics.INGRESS_PATTERN, groupId = "${backtrack.ingress.group-id:" + GROUP + "}",
            properties = "metadata.max.age.ms=${backtrack.ingress.discovery-interval:30000}")
    void forward(ConsumerRecord<String, byte[]> record) {
        CloudEvent<SessionCompleted> event = codec.decode(record.value());
        IngressClinicRule.requireOwnClinic(record.topic(), event.data());
        AcknowledgedSend.send(kafka, Topics.SESSIONS, event.data().patientId(), record.value(), SEND_TIMEOUT);
    }
}
