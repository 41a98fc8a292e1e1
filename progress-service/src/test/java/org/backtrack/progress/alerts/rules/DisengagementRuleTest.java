package org.backtrack.progress.alerts.rules;

import org.backtrack.events.AlertResolution;
import org.backtrack.events.AlertType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backtrack.progress.alerts.rules.Steps.CLINIC;
import static org.backtrack.progress.alerts.rules.Steps.PATIENT;

class DisengagementRuleTest {

    static final Instant LAST = Instant.parse("2026-11-20T07:31:00Z");

    static List<AlertDecision> sweep(Duration after, OpenAlerts open) {
        return DisengagementRule.decide(CLINIC, PATIENT, LAST, LAST.plus(after), open);
    }

    static OpenAlerts openAfter(List<AlertDecision> decisions, OpenAlerts before) {
        return before.after(decisions);
    }

    /** What a sweep {@code swept} into an earlier absence left open: one whose last session was {@code before} the last one. */
    static OpenAlerts openAfterAnEarlierAbsence(Duration before, Duration swept) {
        Instant earlier = LAST.minus(before);
        return openAfter(DisengagementRule.decide(CLINIC, PATIENT, earlier, earlier.plus(swept), OpenAlerts.NONE), OpenAlerts.NONE);
    }

    @ParameterizedTest(name = "{0} after the last session: {1}")
    @CsvSource({"PT0S,", "PT71H59M,", "PT72H,NO_SESSION_3_DAYS", "P5D,NO_SESSION_3_DAYS", "PT335H59M,NO_SESSION_3_DAYS",
            "P14D,NO_SESSION_14_DAYS", "P60D,NO_SESSION_14_DAYS"})
    void theLongerSilenceWins(String silence, AlertType due) {
        assertThat(DisengagementRule.due(LAST, LAST.plus(Duration.parse(silence))).orElse(null)).isEqualTo(due);
    }

    @Test
    void threeDaysRaiseTheShortAbsenceNamedAfterTheLastSession() {
        var decisions = sweep(Duration.ofDays(3), OpenAlerts.NONE);
        assertThat(decisions).singleElement().isInstanceOfSatisfying(AlertDecision.Raise.class, r -> {
            assertThat(r.identity()).isEqualTo(new AlertIdentity(CLINIC, PATIENT, AlertType.NO_SESSION_3_DAYS, "after:2026-11-20T07:31:00Z"));
            assertThat(r.occurredAt()).isEqualTo(LAST.plus(Duration.ofDays(3)));
            assertThat(r.arrivedAt()).isNull();
            assertThat(r.sessionId()).isNull();
            assertThat(r.late()).isFalse();
            assertThat(r.summary()).isEqualTo("No session for 3 days, since 2026-11-20");
        });
    }

    @Test
    void everyLaterSweepOfTheSameAbsenceArrivesAtTheSameAlertAndRaisesNothingOnceItIsOpen() {
        var first = sweep(Duration.ofDays(3), OpenAlerts.NONE);
        var concurrent = sweep(Duration.ofDays(3).plusMinutes(1), OpenAlerts.NONE); // another instance, same moment
        assertThat(((AlertDecision.Raise) concurrent.get(0)).alertId()).isEqualTo(((AlertDecision.Raise) first.get(0)).alertId());
        OpenAlerts open = openAfter(first, OpenAlerts.NONE);
        assertThat(sweep(Duration.ofDays(5), open)).isEmpty();
    }

    @Test
    void fourteenDaysRaiseTheLongAbsenceAndSupersedeTheShortOne() {
        OpenAlerts open = openAfter(sweep(Duration.ofDays(3), OpenAlerts.NONE), OpenAlerts.NONE);
        var decisions = sweep(Duration.ofDays(14), open);
        assertThat(decisions).hasSize(2);
        assertThat(decisions.get(0)).isInstanceOfSatisfying(AlertDecision.Raise.class,
                r -> assertThat(r.identity().type()).isEqualTo(AlertType.NO_SESSION_14_DAYS));
        assertThat(decisions.get(1)).isInstanceOfSatisfying(AlertDecision.Resolve.class, r -> {
            assertThat(r.type()).isEqualTo(AlertType.NO_SESSION_3_DAYS);
            assertThat(r.resolution()).isEqualTo(AlertResolution.SUPERSEDED);
        });
        OpenAlerts after = openAfter(decisions, open);
        assertThat(after.get(AlertType.NO_SESSION_3_DAYS)).isEmpty();
        assertThat(after.get(AlertType.NO_SESSION_14_DAYS)).isPresent();
        assertThat(sweep(Duration.ofDays(30), after)).isEmpty();
    }

    @Test
    void aFirstSweepOfALongAbsenceRaisesOnlyTheLongOne() {
        assertThat(sweep(Duration.ofDays(20), OpenAlerts.NONE)).singleElement()
                .isInstanceOfSatisfying(AlertDecision.Raise.class, r -> assertThat(r.identity().type()).isEqualTo(AlertType.NO_SESSION_14_DAYS));
    }

    @Test
    void anAbsenceThatEndedUnnoticedIsResolvedByTheSweepAndTheNewOneRaised() {
        OpenAlerts stale = openAfterAnEarlierAbsence(Duration.ofDays(10), Duration.ofDays(4));
        var decisions = sweep(Duration.ofDays(1), stale);
        assertThat(decisions).singleElement().isInstanceOfSatisfying(AlertDecision.Resolve.class, r -> {
            assertThat(r.resolution()).isEqualTo(AlertResolution.SESSION_LOGGED);
            assertThat(r.bySessionId()).isNull();
        });
        var later = sweep(Duration.ofDays(4), stale);
        assertThat(later).hasSize(2);
        assertThat(later.get(0)).isInstanceOf(AlertDecision.Resolve.class);
        assertThat(later.get(1)).isInstanceOf(AlertDecision.Raise.class);
    }

    @Test
    void aShortAbsenceOfAnotherEpisodeIsNotSupersededButEnded() {
        OpenAlerts open = openAfterAnEarlierAbsence(Duration.ofDays(30), Duration.ofDays(3));
        var decisions = sweep(Duration.ofDays(15), open);
        assertThat(decisions).filteredOn(d -> d instanceof AlertDecision.Resolve r && r.resolution() == AlertResolution.SUPERSEDED).isEmpty();
        assertThat(decisions).filteredOn(d -> d instanceof AlertDecision.Resolve r && r.resolution() == AlertResolution.SESSION_LOGGED).hasSize(1);
    }
}
