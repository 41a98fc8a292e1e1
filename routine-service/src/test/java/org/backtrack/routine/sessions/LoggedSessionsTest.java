package org.backtrack.routine.sessions;

import org.backtrack.events.SessionCompleted;
import org.backtrack.routine.HostileIds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Every lookup of {@link LoggedSessions} is confined to one clinic, and ids that are no identifiers find nothing. */
class LoggedSessionsTest {

    final LoggedSessions sessions = new LoggedSessions(HostileIds.repositoryMongo());
    final String clinic = "clinic-" + UUID.randomUUID();

    @BeforeEach
    void aSessionAPatternWouldMatch() {
        Instant at = Instant.parse("2026-11-20T07:31:00Z");
        var data = new SessionCompleted("s-1", clinic, "patient-42", null, at, null, 6, 4, null, null, null);
        sessions.insert(new LoggedSession(LoggedSession.keyOf(clinic, "s-1"), "s-1", clinic, "patient-42", at, data,
                "e-1", at, org.backtrack.outbox.Publication.PUBLISHED, at));
    }

    @Test
    void theSameIdsInAnotherClinicFindNothing() {
        String other = "other-" + clinic;
        assertThat(sessions.find(clinic, "s-1")).isPresent();
        assertThat(sessions.find(other, "s-1")).isEmpty();
        assertThat(sessions.ofPatient(other, "patient-42", java.util.Optional.empty(), 50).items()).isEmpty();
        assertThat(sessions.holdsAny(other, "patient-42")).isFalse();
    }

    @ParameterizedTest(name = "{index}: hostile id")
    @MethodSource("org.backtrack.routine.HostileIds#values")
    void aHostileIdFindsNothing(String id) {
        // keys are made only of identifiers: building one from anything else is refused outright
        assertThatIllegalArgumentException().isThrownBy(() -> sessions.find(clinic, id));
        assertThatIllegalArgumentException().isThrownBy(() -> sessions.find(id, "s-1"));
        // filters compare for equality, never as a pattern
        assertThat(sessions.ofPatient(clinic, id, java.util.Optional.empty(), 50).items()).isEmpty();
        assertThat(sessions.ofPatient(id, "patient-42", java.util.Optional.empty(), 50).items()).isEmpty();
        assertThat(sessions.holdsAny(clinic, id)).isFalse();
        assertThat(sessions.holdsAny(id, "patient-42")).isFalse();
    }
}
