package org.backtrack.routine.sessions;

import org.backtrack.events.SessionCompleted;
import org.backtrack.outbox.Publication;
import org.backtrack.security.ClinicKeys;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A session as logged, with the event that announces its current version and whether the broker has
 * acknowledged that event (the shared outbox's fields: {@code eventId}, {@code publication}, {@code claimedAt}, ordered by
 * {@code loggedAt}). A correction gets a new event id; a retry of the same data reuses it.
 *
 * @param key the session's identity, (clinicId, sessionId) as {@link ClinicKeys#of}: each clinic has its own ids
 * @param corrections how often the session was corrected (null in sessions logged before it was counted: none)
 * @param claimedAt   when the sender now delivering its event claimed it: a version is written already claimed by the
 *                    request that writes it (one write fewer than writing it owed and claiming it after)
 */
@Document("sessions")
@CompoundIndex(name = "patient_sessions", def = "{'clinicId': 1, 'patientId': 1, 'completedAt': -1}")
public record LoggedSession(
        @Id String key,
        String sessionId,
        String clinicId,
        String patientId,
        Instant completedAt,
        SessionCompleted data,
        String eventId,
        Instant eventTime,
        @Indexed Publication publication,
        Instant loggedAt,
        Integer corrections,
        Instant claimedAt) {

    public LoggedSession(String key, String sessionId, String clinicId, String patientId, Instant completedAt,
                         SessionCompleted data, String eventId, Instant eventTime, Publication publication, Instant loggedAt) {
        this(key, sessionId, clinicId, patientId, completedAt, data, eventId, eventTime, publication, loggedAt, 0, null);
    }

    /** How often the session was corrected so far ({@link org.backtrack.events.SessionLimits}). */
    public int correctionCount() {
        return corrections == null ? 0 : corrections;
    }

    static String keyOf(String clinicId, String sessionId) {
        return ClinicKeys.of(clinicId, sessionId);
    }

    LoggedSession withPublication(Publication publication) {
        return new LoggedSession(key, sessionId, clinicId, patientId, completedAt, data, eventId, eventTime, publication, loggedAt,
                corrections, claimedAt);
    }
}
