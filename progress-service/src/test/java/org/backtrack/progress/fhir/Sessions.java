package org.backtrack.progress.fhir;

import org.backtrack.events.SessionCompleted;
import org.backtrack.progress.sessions.RecordedSession;

import java.time.Instant;
import java.util.List;

/** Recorded sessions for the mapping tests, as the store holds them. */
final class Sessions {

    static final String CLINIC = "clinic-7";
    static final String PATIENT = "patient-42";

    private Sessions() {
    }

    static RecordedSession session(String sessionId, String completedAt, int before, int after, SessionCompleted.SymptomFlags flags) {
        Instant at = Instant.parse(completedAt);
        SessionCompleted data = new SessionCompleted(sessionId, CLINIC, PATIENT, "r-1", at, 600, before, after, null, flags, null);
        return new RecordedSession(CLINIC + "/" + sessionId, sessionId, CLINIC, PATIENT, at, data, "e-" + sessionId, at,
                List.of("e-" + sessionId), at.plusSeconds(2));
    }

    static RecordedSession session(String sessionId, String completedAt) {
        return session(sessionId, completedAt, 6, 4, null);
    }
}
