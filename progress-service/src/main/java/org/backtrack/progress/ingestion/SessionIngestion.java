package org.backtrack.progress.ingestion;

import org.backtrack.events.CloudEvent;
import org.backtrack.events.SessionCompleted;
import org.backtrack.events.SessionEventCodec;
import org.backtrack.progress.sessions.RecordedSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Instant;

/** Validates one raw session event and records it; invalid events surface as exceptions for the dead-letter path. */
@Service
public class SessionIngestion {

    private static final Logger log = LoggerFactory.getLogger(SessionIngestion.class);

    private final SessionEventCodec codec;
    private final RecordedSessions sessions;

    SessionIngestion(SessionEventCodec codec, RecordedSessions sessions) {
        this.codec = codec;
        this.sessions = sessions;
    }

    /**
     * @param value       the record value as produced
     * @param arrivedAt   the record's Kafka timestamp, used to order corrections of events without a {@code time}
     */
    public void ingest(byte[] value, Instant arrivedAt) {
        CloudEvent<SessionCompleted> event = codec.decode(value);
        RecordedSessions.Outcome outcome = sessions.record(event, arrivedAt);
        log.debug("session {} of patient {}: {}", event.data().sessionId(), event.data().patientId(), outcome);
    }
}
