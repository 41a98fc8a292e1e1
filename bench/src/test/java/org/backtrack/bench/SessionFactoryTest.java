package org.backtrack.bench;

import org.backtrack.events.SessionCompleted;
import org.backtrack.events.SessionEventCodec;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionFactoryTest {

    final SessionFactory sessions = new SessionFactory("t-");

    @Test
    void everySessionAPatientCanHaveIsAValidEventInThePast() {
        var codec = new SessionEventCodec();
        for (int index : new int[] {0, 1, 999, SessionFactory.MAX_SESSIONS_PER_PATIENT - 1}) {
            SessionCompleted session = sessions.session(3, index);
            var decoded = codec.decode(SessionFactory.encode(SessionFactory.event(session, Instant.now())));
            assertThat(decoded.data()).isEqualTo(session);
            assertThat(session.completedAt()).isBefore(Instant.now());
            assertThat(session.painAfter()).isBetween(0, session.painBefore());
        }
        assertThatThrownBy(() -> sessions.session(0, SessionFactory.MAX_SESSIONS_PER_PATIENT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sessionsOfAPatientAreDistinctAndInTimeOrder() {
        SessionCompleted first = sessions.session(1, 10);
        SessionCompleted next = sessions.session(1, 11);
        assertThat(first.sessionId()).isNotEqualTo(next.sessionId()).startsWith("t-1-");
        assertThat(next.completedAt()).isAfter(first.completedAt());
        assertThat(sessions.session(1, 10)).isEqualTo(first); // deterministic
    }

    @Test
    void theHttpBodyIsTheEventDataWithIsoTimestamps() {
        String body = SessionFactory.httpBody(sessions.session(0, 0));
        assertThat(body).contains("\"sessionId\":\"t-0-s0\"", "\"clinicId\":\"" + SessionFactory.CLINIC + "\"")
                .containsPattern("\"completedAt\":\"\\d{4}-\\d{2}-\\d{2}T");
    }

    @Test
    void aCorrectionKeepsTheSessionAndChangesThePain() {
        SessionCompleted session = sessions.session(0, 5);
        SessionCompleted corrected = SessionFactory.corrected(session, 0);
        assertThat(corrected.sessionId()).isEqualTo(session.sessionId());
        assertThat(corrected.painAfter()).isZero();
    }
}
