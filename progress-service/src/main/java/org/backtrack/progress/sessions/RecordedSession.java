package org.backtrack.progress.sessions;

import org.backtrack.events.SessionCompleted;
import org.backtrack.security.ClinicKeys;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * A session as progress-service knows it: the payload of the event that currently stands for it, which event
 * that is, and every event id seen for it (redeliveries of any of them are recognised and ignored).
 *
 * @param key        the session's identity within its clinic, {@code clinicId/sessionId} ({@link ClinicKeys})
 * @param eventId    id of the event whose payload is stored
 * @param eventTime  the instant that orders this version among corrections ({@link org.backtrack.progress.sessions.rules.CorrectionOrder})
 * @param eventIds   every event id seen for this session
 */
@Document("sessions")
public record RecordedSession(
        @Id String key,
        String sessionId,
        @Indexed String clinicId,
        @Indexed String patientId,
        Instant completedAt,
        SessionCompleted session,
        String eventId,
        Instant eventTime,
        List<String> eventIds,
        Instant recordedAt) {

    static String keyOf(SessionCompleted session) {
        return ClinicKeys.of(session.clinicId(), session.sessionId());
    }

    /** The patient's identity: {@code clinicId/patientId}. */
    public String patientKey() {
        return ClinicKeys.of(clinicId, patientId);
    }
}
