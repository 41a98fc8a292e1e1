package org.backtrack.routine.sessions;

import org.backtrack.events.CloudEvent;
import org.backtrack.events.SessionCompleted;
import org.backtrack.events.SessionEventCodec;
import org.backtrack.events.Topics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Publishes a session event keyed by patient and waits for the broker's acknowledgement (acks=all). */
@Component
class SessionPublisher {

    private final KafkaTemplate<String, byte[]> kafka;
    private final SessionEventCodec codec;
    private final Duration timeout;

    SessionPublisher(KafkaTemplate<String, byte[]> kafka, SessionEventCodec codec,
                     @Value("${backtrack.sessions.publish-timeout}") Duration timeout) {
        this.kafka = kafka;
        this.codec = codec;
        this.timeout = timeout;
    }

    void publish(CloudEvent<SessionCompleted> event) {
        try {
            kafka.send(Topics.SESSIONS, event.data().patientId(), codec.encode(event))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SessionNotPublishedException(e);
        } catch (ExecutionException | TimeoutException | org.apache.kafka.common.KafkaException
                 | org.springframework.kafka.KafkaException e) { // the template wraps failures it sees before sending
            throw new SessionNotPublishedException(e);
        }
    }
}
