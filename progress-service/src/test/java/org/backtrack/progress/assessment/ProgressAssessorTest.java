package org.backtrack.progress.assessment;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressAssessorTest {

    static final Instant DAY0 = Instant.parse("2026-10-01T07:00:00Z");
    final ProgressAssessor assessor = new ProgressAssessor();

    /** One session a day with the given pain-before values; pain after is one point lower. */
    static List<PainReading> daily(int... painBefore) {
        var readings = new ArrayList<PainReading>();
        for (int day = 0; day < painBefore.length; day++) {
            readings.add(new PainReading("s" + day, DAY0.plus(Duration.ofDays(day)), painBefore[day],
                    Math.max(0, painBefore[day] - 1), false, false));
        }
        return readings;
    }

    static Instant dayAfterLast(List<PainReading> readings) {
        return readings.get(readings.size() - 1).completedAt().plus(Duration.ofHours(12));
    }

    @Test
    void emptyHistoryIsInsufficientWithoutTrend() {
        Assessment a = assessor.assess(List.of(), DAY0);
        assertThat(a.status()).isEqualTo(ProgressStatus.INSUFFICIENT_DATA);
        assertThat(a.trend().baselinePain()).isNull();
        assertThat(a.suggestion().action()).isEqualTo(SuggestedAction.IMPROVE_CONSISTENCY);
    }

    @Test
    void fewSessionsAreInsufficientData() {
        var readings = daily(6, 5, 5, 4, 4);
        Assessment a = assessor.assess(readings, dayAfterLast(readings));
        assertThat(a.status()).isEqualTo(ProgressStatus.INSUFFICIENT_DATA);
        assertThat(a.suggestion().action()).isEqualTo(SuggestedAction.KEEP_GOING);
    }

    @Test
    void manySessionsWithinTwoWeeksAreStillInsufficient() {
        var readings = daily(6, 6, 5, 5, 4, 4, 3, 3, 3, 3);
        assertThat(assessor.assess(readings, dayAfterLast(readings)).status()).isEqualTo(ProgressStatus.INSUFFICIENT_DATA);
    }

    @Test
    void dropOfTwoPointsIsImproving() {
        // baseline days 0-6 mean 6; last week days 8-14 mean 4 -> change -2, -33%
        var readings = daily(6, 6, 6, 6, 6, 6, 6, 5, 4, 4, 4, 4, 4, 4, 4);
        Assessment a = assessor.assess(readings, dayAfterLast(readings));
        assertThat(a.trend().baselinePain()).isEqualTo(6.0);
        assertThat(a.trend().currentPain()).isEqualTo(4.0);
        assertThat(a.trend().changePoints()).isEqualTo(-2.0);
        assertThat(a.trend().changePercent()).isEqualTo(-33.33);
        assertThat(a.status()).isEqualTo(ProgressStatus.IMPROVING);
        assertThat(a.suggestion().action()).isEqualTo(SuggestedAction.KEEP_GOING);
    }

    @Test
    void thirtyPercentOnMildBaselineIsMeaningfulEvenBelowTwoPoints() {
        // baseline 3, current 2: -1 point but -33%
        var readings = daily(3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2);
        assertThat(assessor.assess(readings, dayAfterLast(readings)).status()).isEqualTo(ProgressStatus.IMPROVING);
    }

    @Test
    void smallDropOnModerateBaselineIsPlateauAndSuggestsDeeperStretches() {
        // baseline 6, current 5: -1 point, -17%: below the minimal important change
        var readings = daily(6, 6, 6, 6, 6, 6, 6, 5, 5, 5, 5, 5, 5, 5, 5);
        Assessment a = assessor.assess(readings, dayAfterLast(readings));
        assertThat(a.status()).isEqualTo(ProgressStatus.PLATEAU);
        assertThat(a.suggestion().action()).isEqualTo(SuggestedAction.PROGRESS_TO_DEEPER_STRETCHES);
        assertThat(a.suggestion().reason()).contains("deeper stretches");
    }

    @Test
    void riseOfTwoPointsIsWorseningAndBacksOff() {
        var readings = daily(4, 4, 4, 4, 4, 4, 4, 5, 6, 6, 6, 6, 6, 6, 6);
        Assessment a = assessor.assess(readings, dayAfterLast(readings));
        assertThat(a.status()).isEqualTo(ProgressStatus.WORSENING);
        assertThat(a.suggestion().action()).isEqualTo(SuggestedAction.BACK_OFF);
    }

    @Test
    void nearZeroPainAfterMeaningfulDropIsRecovered() {
        var readings = daily(5, 5, 5, 5, 5, 5, 5, 3, 1, 1, 1, 1, 1, 0, 0);
        assertThat(assessor.assess(readings, dayAfterLast(readings)).status()).isEqualTo(ProgressStatus.RECOVERED);
    }

    @Test
    void lowPainFromTheStartIsNotRecoveredButPlateau() {
        var readings = daily(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        assertThat(assessor.assess(readings, dayAfterLast(readings)).status()).isEqualTo(ProgressStatus.PLATEAU);
    }

    @Test
    void redFlagWinsOverImprovementAndNeverProgresses() {
        var readings = new ArrayList<>(daily(6, 6, 6, 6, 6, 6, 6, 5, 4, 4, 4, 4, 4, 4));
        readings.add(new PainReading("flag", DAY0.plus(Duration.ofDays(14)), 4, 3, false, true));
        Assessment a = assessor.assess(readings, dayAfterLast(readings));
        assertThat(a.status()).isEqualTo(ProgressStatus.RED_FLAG);
        assertThat(a.suggestion().action()).isEqualTo(SuggestedAction.SEE_A_PROFESSIONAL);
        assertThat(a.alerts()).extracting(Assessment.Alert::type).contains(Assessment.AlertType.RED_FLAG_SYMPTOM);
    }

    @Test
    void redFlagOlderThanTwoWeeksNoLongerDominates() {
        var readings = new ArrayList<>(daily(6, 6, 6, 6, 6, 6, 6, 5, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4));
        readings.set(0, new PainReading("s0", DAY0, 6, 5, false, true));
        assertThat(assessor.assess(readings, dayAfterLast(readings)).status()).isEqualTo(ProgressStatus.IMPROVING);
    }

    @Test
    void sharpPainInLastSessionBacksOffOnPlateau() {
        var readings = new ArrayList<>(daily(6, 6, 6, 6, 6, 6, 6, 5, 5, 5, 5, 5, 5, 5));
        readings.add(new PainReading("sharp", DAY0.plus(Duration.ofDays(14)), 5, 5, true, false));
        Assessment a = assessor.assess(readings, dayAfterLast(readings));
        assertThat(a.status()).isEqualTo(ProgressStatus.PLATEAU);
        assertThat(a.suggestion().action()).isEqualTo(SuggestedAction.BACK_OFF);
    }

    @Test
    void painOfSevenRaisesSpikeAlert() {
        var readings = daily(5, 5, 7);
        assertThat(assessor.assess(readings, dayAfterLast(readings)).alerts())
                .extracting(Assessment.Alert::type).containsExactly(Assessment.AlertType.PAIN_SPIKE);
    }

    @Test
    void riseOfTwoSinceLastReportRaisesSpikeAlert() {
        var readings = daily(3, 3, 5);
        assertThat(assessor.assess(readings, dayAfterLast(readings)).alerts())
                .extracting(Assessment.Alert::message).containsExactly("Pain rose by 2 points since the previous session");
    }

    @Test
    void silenceRaisesDisengagementAlertsAtThreeAndFourteenDays() {
        var readings = daily(4, 4, 4);
        Instant last = readings.get(2).completedAt();
        assertThat(assessor.assess(readings, last.plus(Duration.ofDays(2))).alerts()).isEmpty();
        assertThat(assessor.assess(readings, last.plus(Duration.ofDays(3))).alerts())
                .extracting(Assessment.Alert::type).containsExactly(Assessment.AlertType.NO_SESSION_3_DAYS);
        assertThat(assessor.assess(readings, last.plus(Duration.ofDays(15))).alerts())
                .extracting(Assessment.Alert::type).containsExactly(Assessment.AlertType.NO_SESSION_14_DAYS);
    }

    @Test
    void poorAdherenceAsksForConsistencyBeforeProgression() {
        // plateau history, then only two sessions in the last week
        var readings = new ArrayList<>(daily(6, 6, 6, 6, 6, 6, 6, 6, 6, 6));
        readings.add(new PainReading("late1", DAY0.plus(Duration.ofDays(14)), 6, 5, false, false));
        readings.add(new PainReading("late2", DAY0.plus(Duration.ofDays(17)), 6, 5, false, false));
        Assessment a = assessor.assess(readings, dayAfterLast(readings));
        assertThat(a.status()).isEqualTo(ProgressStatus.PLATEAU);
        assertThat(a.adherence().sessionsLast7Days()).isEqualTo(2);
        assertThat(a.suggestion().action()).isEqualTo(SuggestedAction.IMPROVE_CONSISTENCY);
    }

    @Test
    void orderOfInputDoesNotMatter() {
        var readings = daily(6, 6, 6, 6, 6, 6, 6, 5, 4, 4, 4, 4, 4, 4, 4);
        var shuffled = new ArrayList<>(readings);
        java.util.Collections.reverse(shuffled);
        Instant now = dayAfterLast(readings);
        assertThat(assessor.assess(shuffled, now)).isEqualTo(assessor.assess(readings, now));
    }
}
