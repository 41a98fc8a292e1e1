package org.backtrack.progress.sessions.rules;

import org.backtrack.events.InvalidEventException;
import org.backtrack.progress.sessions.rules.CorrectionOrder.Outcome;
import org.backtrack.progress.sessions.rules.CorrectionOrder.Standing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which version of a corrected session stands, whatever order the versions arrive in. */
class CorrectionOrderTest {

    static final Instant T = Instant.parse("2026-11-20T07:31:00Z");
    static final Standing STANDING = new Standing("patient-42", T, List.of("e-1", "e-2"));

    @Test
    void theFirstVersionIsNew() {
        assertThat(CorrectionOrder.decide(null, "e-1", "patient-42", T)).isEqualTo(Outcome.NEW);
    }

    @ParameterizedTest
    @CsvSource({"e-1", "e-2"})
    void anEventAlreadyRecordedIsADuplicateWhateverItsTime(String eventId) {
        assertThat(CorrectionOrder.decide(STANDING, eventId, "patient-42", T.plusSeconds(60))).isEqualTo(Outcome.DUPLICATE);
        assertThat(CorrectionOrder.decide(STANDING, eventId, "patient-42", T.minusSeconds(60))).isEqualTo(Outcome.DUPLICATE);
    }

    @ParameterizedTest
    @CsvSource({"1, CORRECTED", "0, CORRECTED", "-1, STALE_CORRECTION", "86400, CORRECTED", "-86400, STALE_CORRECTION"})
    void aNewEventReplacesTheStandingVersionUnlessItOrdersBefore(long secondsAfter, Outcome outcome) {
        assertThat(CorrectionOrder.decide(STANDING, "e-3", "patient-42", T.plusSeconds(secondsAfter))).isEqualTo(outcome);
    }

    @Test
    void aCorrectionCannotGiveTheSessionToAnotherPatient() {
        assertThatThrownBy(() -> CorrectionOrder.decide(STANDING, "e-3", "patient-43", T.plusSeconds(1)))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("data.sessionId");
    }

    @Test
    void aRedeliveryNamingAnotherPatientIsStillOnlyADuplicate() {
        assertThat(CorrectionOrder.decide(STANDING, "e-1", "patient-43", T)).isEqualTo(Outcome.DUPLICATE);
    }

    @ParameterizedTest
    @CsvSource({
            // event time, arrived, recorded -> ordering time
            "2026-11-20T07:00:00Z, 2026-11-20T08:00:00Z, 2026-11-20T09:00:00Z, 2026-11-20T07:00:00Z",
            ",                     2026-11-20T08:00:00Z, 2026-11-20T09:00:00Z, 2026-11-20T08:00:00Z",
            "2030-01-01T00:00:00Z, 2026-11-20T08:00:00Z, 2026-11-20T09:00:00Z, 2026-11-20T09:00:00Z",
            "2026-11-20T09:00:00Z, 2026-11-20T08:00:00Z, 2026-11-20T09:00:00Z, 2026-11-20T09:00:00Z"})
    void versionsAreOrderedByTheirTimeButNeverLaterThanTheirRecording(Instant eventTime, Instant arrived, Instant recorded,
                                                                        Instant ordering) {
        assertThat(CorrectionOrder.orderingTime(eventTime, arrived, recorded)).isEqualTo(ordering);
    }

    @Test
    void aForgedFutureTimeCannotFreezeASessionAgainstLaterCorrections() {
        Instant forged = CorrectionOrder.orderingTime(Instant.parse("2099-01-01T00:00:00Z"), T, T);
        Instant later = CorrectionOrder.orderingTime(T.plusSeconds(5), T.plusSeconds(5), T.plusSeconds(5));
        var standing = new Standing("patient-42", forged, List.of("e-forged"));
        assertThat(CorrectionOrder.decide(standing, "e-fix", "patient-42", later)).isEqualTo(Outcome.CORRECTED);
    }

    @Test
    void onATieTheLaterArrivalWins() {
        assertThat(CorrectionOrder.supersedes(T, T)).isTrue();
        assertThat(CorrectionOrder.supersedes(T.minusMillis(1), T)).isFalse();
        assertThat(CorrectionOrder.supersedes(T.plusMillis(1), T)).isTrue();
    }
}
