package org.backtrack.progress.ingestion;

import org.backtrack.events.CloudEvent;
import org.backtrack.events.InvalidEventException;
import org.backtrack.events.Violation;
import org.backtrack.events.SessionCompleted;
import org.backtrack.events.SessionEventCodec;
import org.backtrack.progress.assessment.PatientWindow;
import org.backtrack.progress.publication.ProgressPublisher;
import org.backtrack.progress.readmodel.PatientWindows;
import org.backtrack.progress.sessions.RecordedSession;
import org.backtrack.progress.sessions.RecordedSessions;
import org.backtrack.security.PatientOwners;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.List;

/**
 * Handles one raw session event: validate, check the patient belongs to the event's clinic, record the session, update the patient's read model, publish a
 * progress change if there is one. Every step is idempotent, so a redelivered or retried record is harmless;
 * invalid events surface as exceptions for the dead-letter path.
 */
@Service
public class SessionIngestion {

    private static final Logger log = LoggerFactory.getLogger(SessionIngestion.class);

    private final SessionEventCodec codec;
    private final RecordedSessions sessions;
    private final PatientWindows windows;
    private final ProgressPublisher publisher;
    private final PatientOwners owners;

    SessionIngestion(SessionEventCodec codec, RecordedSessions sessions, PatientWindows windows, ProgressPublisher publisher,
                     PatientOwners owners) {
        this.codec = codec;
        this.owners = owners;
        this.sessions = sessions;
        this.windows = windows;
        this.publisher = publisher;
    }

    /**
     * @param value     the record value as produced
     * @param arrivedAt the record's Kafka timestamp, used to order corrections of events without a {@code time}
     */
    public void ingest(byte[] value, Instant arrivedAt) {
        CloudEvent<SessionCompleted> event = codec.decode(value);
        SessionCompleted data = event.data();
        if (!owners.claim(data.patientId(), data.clinicId()).equals(data.clinicId())) {
            // the other clinic stays unnamed: the dead-letter topic is read by more people than its data
            throw new InvalidEventException(List.of(new Violation("data.clinicId",
                    "patient " + data.patientId() + " belongs to another clinic")));
        }
        RecordedSessions.Recorded recorded = sessions.record(event, arrivedAt);
        RecordedSession current = recorded.current();
        // always the version that stands, so a stale correction or a redelivery re-applies the same state
        PatientWindow window = windows.apply(current.patientId(), current.clinicId(), RecordedSessions.reading(current));
        publisher.publishIfChanged(window);
        log.debug("session {} of patient {}: {}", current.sessionId(), current.patientId(), recorded.outcome());
    }
}
