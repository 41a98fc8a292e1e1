package org.backtrack.progress.assessment;

import org.backtrack.events.ProgressStatus;
import org.backtrack.events.SuggestedAction;
import org.backtrack.events.AlertType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stored snapshot answers the clock-dependent questions of the overview (disengagement, adherence) at read time
 * exactly as a fresh assessment at that time would, and everything else as of the latest session.
 */
class PatientSnapshotTest {

    static final Instant DAY0 = Instant.parse("2026-10-01T07:00:00Z");
    final ProgressAssessor assessor = new ProgressAssessor(7);

    static List<PainReading> randomHistory(Random random) {
        List<PainReading> readings = new ArrayList<>();
        Instant at = DAY0;
        int sessions = 1 + random.nextInt(90);
        for (int i = 0; i < sessions; i++) {
            at = at.plus(Duration.ofMinutes(random.nextInt(3) == 0 ? 30 + random.nextInt(600) : 60 * (12 + random.nextInt(60))));
            int before = random.nextInt(11);
            readings.add(new PainReading("s" + i, at, before, Math.max(0, before - random.nextInt(3)),
                    random.nextInt(20) == 0, random.nextInt(40) == 0, List.of("cat-cow")));
        }
        return readings;
    }

    PatientSnapshot snapshotOf(PatientWindow window) {
        return PatientSnapshot.of(window, assessor.assess(window, ProgressAssessorTest.CATALOG, window.latestAt()));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void readTimeAnswersEqualAFreshAssessmentAtThatTime(long seed) {
        Random random = new Random(seed);
        PatientWindow window = PatientWindow.of("p", "c", randomHistory(random));
        PatientSnapshot snapshot = snapshotOf(window);
        for (int probe = 0; probe < 25; probe++) {
            Instant now = window.latestAt().plus(Duration.ofMinutes(random.nextInt(60 * 24 * 40)));
            Assessment fresh = assessor.assess(window, ProgressAssessorTest.CATALOG, now);
            assertThat(snapshot.adherenceAsOf(now)).as("adherence at %s", now).isEqualTo(fresh.adherence());
            assertThat(snapshot.alertsAsOf(now).stream().filter(Disengagement::isDisengagementAlert).toList())
                    .as("disengagement at %s", now)
                    .isEqualTo(fresh.alerts().stream().filter(Disengagement::isDisengagementAlert).toList());
            assertThat(snapshot.isDisengagedAsOf(now)).isEqualTo(Disengagement.isDisengaged(window.latestAt(), now));
            if (fresh.status() == snapshot.status()) { // a red flag older than two weeks: the snapshot keeps it
                assertThat(snapshot.actionAsOf(now)).as("action at %s", now).isEqualTo(fresh.suggestion().action());
            }
        }
    }

    @Test
    void everythingElseIsAsOfTheLatestSessionAndIndependentOfTheClock() {
        List<PainReading> readings = ProgressAssessorTest.daily(7, 7, 6, 6, 6, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5);
        PatientWindow window = PatientWindow.of("p", "c", readings);
        PatientSnapshot snapshot = snapshotOf(window);

        List<PainReading> reversed = new ArrayList<>(readings);
        java.util.Collections.reverse(reversed);
        assertThat(snapshot).isEqualTo(snapshotOf(PatientWindow.of("p", "c", reversed)));
        assertThat(snapshot.status()).isEqualTo(ProgressStatus.PLATEAU);
        assertThat(snapshot.assessment().asOf()).isEqualTo(window.latestAt());
        assertThat(snapshot.currentPain()).isEqualTo(5);
        assertThat(snapshot.lastSessionAt()).isEqualTo(readings.get(readings.size() - 1).completedAt());
        assertThat(snapshot.firstSessionAt()).isEqualTo(DAY0);
        // a two-week sparkline of daily means; four weeks of completion times for the adherence
        assertThat(snapshot.recentPain()).hasSize(14).containsOnly(5.0);
        assertThat(snapshot.recentSessionTimes()).hasSize(19);
        // a plateau needs attention at any time; right after the session it is not yet disengaged
        assertThat(snapshot.needsAttentionAsOf(window.latestAt())).isTrue();
        assertThat(snapshot.alertsAsOf(window.latestAt())).isEmpty();
    }

    @Test
    void aPatientWhoStopsPractisingIsAskedForConsistencyAtReadTime() {
        // a flat course: a plateau that asks for a progression right after the last session
        List<PainReading> readings = ProgressAssessorTest.daily(5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5);
        PatientSnapshot snapshot = snapshotOf(PatientWindow.of("p", "c", readings));
        Instant last = readings.get(readings.size() - 1).completedAt();

        assertThat(snapshot.assessment().suggestion().action()).isEqualTo(SuggestedAction.PROGRESS_TO_DEEPER_STRETCHES);
        assertThat(snapshot.actionAsOf(last)).isEqualTo(SuggestedAction.PROGRESS_TO_DEEPER_STRETCHES);
        assertThat(snapshot.actionAsOf(last.plus(Duration.ofDays(5)))).isEqualTo(SuggestedAction.IMPROVE_CONSISTENCY);
        assertThat(snapshot.adherenceAsOf(last.plus(Duration.ofDays(5))).sessionsLast7Days()).isEqualTo(2);
    }

    @Test
    void aRedFlagStaysOnTheSnapshotUntilTheNextSession() {
        List<PainReading> readings = new ArrayList<>(ProgressAssessorTest.daily(5, 5, 5));
        readings.add(new PainReading("s3", DAY0.plus(Duration.ofDays(3)), 6, 6, false, true, List.of()));
        PatientSnapshot snapshot = snapshotOf(PatientWindow.of("p", "c", readings));
        Instant monthLater = DAY0.plus(Duration.ofDays(33));

        assertThat(snapshot.status()).isEqualTo(ProgressStatus.RED_FLAG);
        assertThat(snapshot.alertsAsOf(monthLater)).extracting(Assessment.Alert::type)
                .containsExactly(AlertType.RED_FLAG_SYMPTOM, AlertType.NO_SESSION_14_DAYS);
    }

    @ParameterizedTest(name = "{0} days of silence -> {1}")
    @CsvSource({"0,", "2,", "3,NO_SESSION_3_DAYS", "13,NO_SESSION_3_DAYS", "14,NO_SESSION_14_DAYS", "400,NO_SESSION_14_DAYS"})
    void disengagementByDaysOfSilence(int days, AlertType expected) {
        Instant last = DAY0;
        var alert = Disengagement.alert(last, last.plus(Duration.ofDays(days)));
        assertThat(alert.map(Assessment.Alert::type).orElse(null)).isEqualTo(expected);
        assertThat(Disengagement.isDisengaged(last, last.plus(Duration.ofDays(days)))).isEqualTo(expected != null);
        alert.ifPresent(a -> assertThat(a.message()).isEqualTo("No session for " + days + " days"));
        assertThat(Disengagement.alert(null, last)).isEmpty();
    }

    @Test
    void adherenceCountsTheLastSevenDaysAndFourWeeks() {
        Instant now = DAY0.plus(Duration.ofDays(30));
        List<Instant> times = List.of(now.minus(Duration.ofDays(29)), now.minus(Duration.ofDays(27)), now.minus(Duration.ofDays(7)),
                now.minus(Duration.ofDays(6)), now.minus(Duration.ofHours(1)), now, now.plus(Duration.ofHours(1)));
        Assessment.Adherence adherence = WeeklyAdherence.of(times, now, 7);
        assertThat(adherence.sessionsLast7Days()).isEqualTo(3);
        assertThat(adherence.ratio()).isEqualTo(0.43);
        assertThat(adherence.sessionsPerWeekLast4Weeks()).isEqualTo(1.25);
        assertThat(WeeklyAdherence.of(List.of(), now, 7).ratio()).isZero();
        assertThat(WeeklyAdherence.of(times, now, 2).ratio()).isEqualTo(1.0);
    }

    @Test
    void theAttentionOrderPutsStatusesThatNeedAttentionFirst() {
        assertThat(AttentionOrder.STATUSES).containsExactlyInAnyOrder(ProgressStatus.values());
        for (ProgressStatus status : ProgressStatus.values()) {
            boolean alarming = status == ProgressStatus.RED_FLAG || status == ProgressStatus.WORSENING || status == ProgressStatus.PLATEAU;
            assertThat(AttentionOrder.needsAttention(status, false)).as(status.name()).isEqualTo(alarming);
            assertThat(AttentionOrder.needsAttention(status, true)).as(status.name()).isTrue();
            assertThat(AttentionOrder.rank(status) < AttentionOrder.ATTENTION_RANKS).isEqualTo(alarming);
        }
    }
}
