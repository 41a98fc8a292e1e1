package org.backtrack.events;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.IntPredicate;

import static org.assertj.core.api.Assertions.assertThat;

class SessionLimitsTest {

    @Test
    void aDayIsTheUtcCalendarDayOfCompletedAt() {
        assertThat(SessionLimits.dayOf(Instant.parse("2026-11-20T00:00:00Z"))).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(SessionLimits.dayOf(Instant.parse("2026-11-20T23:59:59.999Z"))).isEqualTo(LocalDate.of(2026, 11, 20));
        // 21:15 in Paris on the 20th is still the 20th in UTC; 00:30 in Paris on the 21st is the 20th in UTC too
        assertThat(SessionLimits.dayOf(java.time.OffsetDateTime.parse("2026-11-21T00:30:00+01:00").toInstant()))
                .isEqualTo(LocalDate.of(2026, 11, 20));
    }

    @Test
    void theDailyLimitAdmitsExactlyItsNumberOfSessions() {
        assertThat(countAdmitted(SessionLimits::roomForAnotherSession)).isEqualTo(SessionLimits.MAX_SESSIONS_PER_PATIENT_PER_DAY);
        assertThat(SessionLimits.roomForAnotherSession(0)).isTrue();
    }

    @Test
    void aSessionMayBeCorrectedExactlyTheLimitTimes() {
        assertThat(countAdmitted(SessionLimits::mayBeCorrectedAgain)).isEqualTo(SessionLimits.MAX_CORRECTIONS_PER_SESSION);
    }

    @Test
    void violationsNameTheFieldAndTheLimit() {
        var full = SessionLimits.dayFull("data.completedAt", LocalDate.of(2026, 11, 20));
        assertThat(full.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("data.completedAt");
            assertThat(v.message()).contains("2026-11-20", String.valueOf(SessionLimits.MAX_SESSIONS_PER_PATIENT_PER_DAY));
        });
        assertThat(SessionLimits.correctedTooOften("sessionId").getMessage())
                .startsWith("sessionId: ").contains(String.valueOf(SessionLimits.MAX_CORRECTIONS_PER_SESSION));
    }

    /** How many a limit admits: the first count it refuses, counting up from none. */
    private static int countAdmitted(IntPredicate roomForAnother) {
        int admitted = 0;
        while (roomForAnother.test(admitted)) {
            admitted++;
        }
        return admitted;
    }
}
