package org.backtrack.progress.assessment;

import org.backtrack.events.Stage;
import org.backtrack.events.ProgressStatus;
import org.backtrack.events.SuggestedAction;
import org.backtrack.events.AlertType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressAssessorTest {

    static final Instant DAY0 = Instant.parse("2026-10-01T07:00:00Z");
    static final ExerciseCatalog CATALOG = ExerciseCatalog.of(List.of(
            new ExerciseCatalog.Exercise("cat-cow", Stage.BASIC, Set.of("WHOLE_SPINE")),
            new ExerciseCatalog.Exercise("childs-pose", Stage.BASIC, Set.of("LOWER_BACK", "HIPS")),
            new ExerciseCatalog.Exercise("pigeon-pose", Stage.DEEPER, Set.of("HIPS", "GLUTES")),
            new ExerciseCatalog.Exercise("wall-angels", Stage.DEEPER, Set.of("UPPER_BACK", "SHOULDERS")),
            new ExerciseCatalog.Exercise("dead-bug", Stage.STRENGTHENING, Set.of("CORE")),
            new ExerciseCatalog.Exercise("glute-bridge", Stage.STRENGTHENING, Set.of("GLUTES", "LOWER_BACK")),
            new ExerciseCatalog.Exercise("heat-cold", Stage.RECOVERY_TOOL, Set.of("LOWER_BACK"))));

    final ProgressAssessor assessor = new ProgressAssessor(7);

    /** One session a day with the given pain-before values; relief of one point; basic exercises. */
    static List<PainReading> daily(double... painBefore) {
        List<PainReading> readings = new ArrayList<>();
        for (int day = 0; day < painBefore.length; day++) {
            int before = (int) Math.round(painBefore[day]);
            readings.add(new PainReading("s" + day, DAY0.plus(Duration.ofDays(day)), before, Math.max(0, before - 1),
                    false, false, List.of("childs-pose", "cat-cow")));
        }
        return readings;
    }

    /** From {@code from} falling linearly by {@code perDay} for {@code fallDays}, then flat for {@code flatDays}. */
    static double[] fallThenFlat(double from, double perDay, int fallDays, int flatDays) {
        double[] values = new double[fallDays + flatDays];
        for (int d = 0; d < values.length; d++) {
            values[d] = from - perDay * Math.min(d, fallDays);
        }
        return values;
    }

    Assessment assess(List<PainReading> readings) {
        return assessAt(readings, readings.get(readings.size() - 1).completedAt().plus(Duration.ofHours(12)));
    }

    Assessment assessAt(List<PainReading> readings, Instant now) {
        return assessor.assess(PatientWindow.of("p", "c", readings), CATALOG, now);
    }

    static PainReading replace(PainReading r, boolean sharp, boolean redFlag, List<String> exercises) {
        return new PainReading(r.sessionId(), r.completedAt(), r.painBefore(), r.painAfter(), sharp, redFlag, exercises);
    }

    /** One session a day at these pain levels; the one of day {@code day} reported sharp pain or a red flag as given. */
    static List<PainReading> dailyReporting(double[] painBefore, int day, boolean sharp, boolean redFlag) {
        List<PainReading> readings = new ArrayList<>(daily(painBefore));
        readings.set(day, replace(readings.get(day), sharp, redFlag, List.of()));
        return readings;
    }

    @Test
    void emptyHistoryIsInsufficientData() {
        Assessment a = assessor.assess(PatientWindow.empty("p", "c"), CATALOG, DAY0);
        assertThat(a.status()).isEqualTo(ProgressStatus.INSUFFICIENT_DATA);
        assertThat(a.trend().baselinePain()).isNull();
        assertThat(a.suggestion().action()).isEqualTo(SuggestedAction.KEEP_GOING);
    }

    @Test
    void fewSessionsAreInsufficientData() {
        Assessment a = assess(daily(6, 5, 5, 4, 4));
        assertThat(a.status()).isEqualTo(ProgressStatus.INSUFFICIENT_DATA);
        assertThat(a.suggestion().action()).isEqualTo(SuggestedAction.KEEP_GOING);
        assertThat(a.suggestion().reason()).contains("Not enough sessions");
    }

    @Test
    void manySessionsWithinTwoWeeksAreStillInsufficient() {
        assertThat(assess(daily(6, 6, 5, 5, 4, 4, 3, 3, 3, 3, 3, 3)).status()).isEqualTo(ProgressStatus.INSUFFICIENT_DATA);
    }

    @Test
    void aSteadyDeclineIsImproving() {
        Assessment a = assess(daily(fallThenFlat(7, 0.15, 30, 0)));
        assertThat(a.status()).isEqualTo(ProgressStatus.IMPROVING);
        assertThat(a.trend().slopePerWeek()).isLessThan(-0.5);
        assertThat(a.trend().trendPValue()).isLessThan(0.05);
        assertThat(a.trend().meaningfulImprovement()).isTrue();
        assertThat(a.suggestion().action()).isEqualTo(SuggestedAction.KEEP_GOING);
        assertThat(a.suggestion().reason()).contains("still falling");
    }

    @Test
    void improvementThatStoppedIsAPlateauAndTheBasicsMoveOnToDeeperStretches() {
        Assessment a = assess(daily(fallThenFlat(7, 0.15, 20, 12)));
        assertThat(a.status()).isEqualTo(ProgressStatus.PLATEAU);
        assertThat(a.stage()).isEqualTo(Stage.BASIC);
        assertThat(a.suggestion().action()).isEqualTo(SuggestedAction.PROGRESS_TO_DEEPER_STRETCHES);
        // the focus (hips, lower back, whole spine) puts the hip opener first
        assertThat(a.suggestion().exercises()).containsExactly("pigeon-pose", "wall-angels");
        assertThat(a.suggestion().reason()).contains("stopped falling", "deeper");
    }

    @Test
    void aPlateauOnDeeperStretchesAddsStrengthening() {
        List<PainReading> readings = new ArrayList<>();
        for (PainReading r : daily(fallThenFlat(7, 0.15, 20, 12))) {
            readings.add(replace(r, false, false, List.of("pigeon-pose", "childs-pose")));
        }
        Assessment a = assess(readings);
        assertThat(a.stage()).isEqualTo(Stage.DEEPER);
        assertThat(a.suggestion().action()).isEqualTo(SuggestedAction.ADD_STRENGTHENING);
        assertThat(a.suggestion().exercises()).containsExactly("glute-bridge", "dead-bug");
    }

    @Test
    void aFlatHistoryWithoutImprovementIsAlsoAPlateau() {
        assertThat(assess(daily(fallThenFlat(5, 0, 0, 21))).status()).isEqualTo(ProgressStatus.PLATEAU);
    }

    @Test
    void risingPainIsWorseningAndBacksOffWithRecoveryTools() {
        double[] values = new double[24];
        for (int d = 0; d < values.length; d++) {
            values[d] = d < 14 ? 4 : 4 + 0.3 * (d - 13);
        }
        Assessment a = assess(daily(values));
        assertThat(a.status()).isEqualTo(ProgressStatus.WORSENING);
        assertThat(a.suggestion().action()).isEqualTo(SuggestedAction.BACK_OFF);
        assertThat(a.suggestion().exercises()).containsExactly("heat-cold");
        assertThat(a.suggestion().reason()).contains("getting worse", "rest, ice or a gentle walk");
    }

    @Test
    void painAtOrBelowOneIsRecovered() {
        Assessment a = assess(daily(fallThenFlat(5, 0.3, 15, 10)));
        assertThat(a.trend().currentPain()).isLessThanOrEqualTo(1.0);
        assertThat(a.status()).isEqualTo(ProgressStatus.RECOVERED);
        assertThat(a.suggestion().action()).isEqualTo(SuggestedAction.KEEP_GOING);
    }

    @Test
    void aRedFlagWinsOverImprovementAndNeverProgresses() {
        Assessment a = assess(dailyReporting(fallThenFlat(7, 0.15, 30, 0), 27, false, true));
        assertThat(a.status()).isEqualTo(ProgressStatus.RED_FLAG);
        assertThat(a.suggestion().action()).isEqualTo(SuggestedAction.SEE_A_PROFESSIONAL);
        assertThat(a.suggestion().exercises()).isEmpty();
        assertThat(a.alerts()).extracting(Assessment.Alert::type).contains(AlertType.RED_FLAG_SYMPTOM);
    }

    @Test
    void aRedFlagOnAPlateauIsNeverAProgression() {
        Assessment a = assess(dailyReporting(fallThenFlat(7, 0.15, 20, 12), 31, true, true));
        assertThat(a.suggestion().action()).isEqualTo(SuggestedAction.SEE_A_PROFESSIONAL);
    }

    @Test
    void aRedFlagOlderThanTwoWeeksNoLongerDominates() {
        assertThat(assess(dailyReporting(fallThenFlat(7, 0.15, 30, 0), 5, false, true)).status()).isEqualTo(ProgressStatus.IMPROVING);
    }

    @Test
    void sharpPainInTheLastSessionBacksOff() {
        Assessment a = assess(dailyReporting(fallThenFlat(7, 0.15, 20, 12), 31, true, false));
        assertThat(a.status()).isEqualTo(ProgressStatus.PLATEAU);
        assertThat(a.suggestion().action()).isEqualTo(SuggestedAction.BACK_OFF);
        assertThat(a.suggestion().reason()).contains("Sharp pain");
    }

    @Test
    void aSuddenRiseOfTwoPointsBacksOff() {
        double[] values = fallThenFlat(7, 0.15, 30, 0);
        values[29] = values[28] + 2;
        Assessment a = assess(daily(values));
        assertThat(a.alerts()).extracting(Assessment.Alert::type).contains(AlertType.PAIN_SPIKE);
        assertThat(a.suggestion().action()).isEqualTo(SuggestedAction.BACK_OFF);
    }

    @Test
    void highPainAloneIsAnAlertNotABackOff() {
        Assessment a = assess(daily(fallThenFlat(10, 0.15, 20, 0)));
        assertThat(a.status()).isEqualTo(ProgressStatus.IMPROVING);
        assertThat(a.alerts()).extracting(Assessment.Alert::type).containsExactly(AlertType.PAIN_SPIKE);
        assertThat(a.suggestion().action()).isEqualTo(SuggestedAction.KEEP_GOING);
    }

    @Test
    void silenceRaisesDisengagementAlertsAtThreeAndFourteenDays() {
        List<PainReading> readings = daily(4, 4, 4);
        Instant last = readings.get(2).completedAt();
        assertThat(assessAt(readings, last.plus(Duration.ofDays(2))).alerts()).isEmpty();
        assertThat(assessAt(readings, last.plus(Duration.ofDays(3))).alerts())
                .extracting(Assessment.Alert::type).containsExactly(AlertType.NO_SESSION_3_DAYS);
        assertThat(assessAt(readings, last.plus(Duration.ofDays(15))).alerts())
                .extracting(Assessment.Alert::type).containsExactly(AlertType.NO_SESSION_14_DAYS);
    }

    @Test
    void poorAdherenceAsksForConsistencyBeforeAnyProgression() {
        List<PainReading> readings = new ArrayList<>();
        for (int day = 0; day < 36; day += 3) { // a session every third day: 2-3 a week
            readings.add(new PainReading("s" + day, DAY0.plus(Duration.ofDays(day)), 5, 5, false, false, List.of("cat-cow")));
        }
        Assessment a = assess(readings);
        assertThat(a.status()).isEqualTo(ProgressStatus.PLATEAU);
        assertThat(a.adherence().sessionsLast7Days()).isEqualTo(3);
        assertThat(a.suggestion().action()).isEqualTo(SuggestedAction.IMPROVE_CONSISTENCY);
    }

    @Test
    void aNewPatientIsNotAskedForConsistencyInTheFirstWeek() {
        Assessment a = assess(daily(6));
        assertThat(a.suggestion().action()).isEqualTo(SuggestedAction.KEEP_GOING);
    }

    /** One session a day from {@code painBefore}, with the given relief per session (pain after = before − relief). */
    static List<PainReading> withRelief(double[] painBefore, int[] relief) {
        List<PainReading> readings = new ArrayList<>();
        for (int day = 0; day < painBefore.length; day++) {
            int before = (int) Math.round(painBefore[day]);
            readings.add(new PainReading("s" + day, DAY0.plus(Duration.ofDays(day)), before, Math.max(0, before - relief[day]),
                    false, false, List.of("childs-pose", "cat-cow")));
        }
        return readings;
    }

    /** Falling about a point a week with a day-to-day wobble, then a week that falls no further (4–5). */
    static final double[] FLATTENING = {9, 8, 9, 8, 8, 8, 7, 8, 7, 7, 7, 6, 7, 6, 6, 6, 5, 6, 5, 5, 5, 4, 5, 4, 5, 4, 5, 4};

    /** The assessment of sessions with these pain levels, each bringing 2 points of relief but those at the indexes given. */
    Assessment assessWithoutReliefAt(double[] painBefore, int... sessionsWithoutRelief) {
        int[] relief = new int[painBefore.length];
        java.util.Arrays.fill(relief, 2);
        for (int session : sessionsWithoutRelief) {
            relief[session] = 0;
        }
        return assess(withRelief(painBefore, relief));
    }

    @Test
    void aSessionWithoutReliefAfterAFirstWeekWithReliefCallsAFlatteningFallAPlateauSooner() {
        assertThat(assessWithoutReliefAt(FLATTENING).status()).isEqualTo(ProgressStatus.IMPROVING);

        // one session in the last week brought no relief
        Assessment a = assessWithoutReliefAt(FLATTENING, FLATTENING.length - 2);
        assertThat(a.trend().reliefFading()).isTrue();
        assertThat(a.status()).isEqualTo(ProgressStatus.PLATEAU);
        assertThat(a.suggestion().reason()).contains("stopped bringing relief");
    }

    @Test
    void reliefNeverFadesForAPatientWhoseFirstWeekAlreadyHadASessionWithoutRelief() {
        // their own pattern: now and then a session without relief (the third)
        Assessment a = assessWithoutReliefAt(FLATTENING, 2, FLATTENING.length - 2);
        assertThat(a.trend().reliefFading()).isFalse();
        assertThat(a.status()).isEqualTo(ProgressStatus.IMPROVING);
    }

    @Test
    void aSessionWithoutReliefDoesNotStopAClearFall() {
        double[] pain = fallThenFlat(9, 0.25, 28, 0); // 1.75 points a week, to the last day
        Assessment a = assessWithoutReliefAt(pain, pain.length - 2);
        assertThat(a.trend().reliefFading()).isTrue();
        assertThat(a.status()).isEqualTo(ProgressStatus.IMPROVING);
    }

    @Test
    void aRedFlagSyncedLateIsShownForTwoWeeksFromItsArrival() {
        List<PainReading> readings = new ArrayList<>(daily(fallThenFlat(7, 0.1, 40, 0)));
        // day 20's session reported a red flag and reached the service 16 days later, on day 36
        PainReading flagged = readings.get(20);
        readings.set(20, new PainReading(flagged.sessionId(), flagged.completedAt(), flagged.painBefore(), flagged.painAfter(),
                false, true, List.of(), flagged.completedAt().plus(Duration.ofDays(16))));
        for (int last = 36; last < 40; last++) {
            List<PainReading> known = readings.subList(0, last + 1);
            Instant asOf = known.get(last).completedAt();
            assertThat(assessAt(known, asOf).status()).as("day %d", last).isEqualTo(ProgressStatus.RED_FLAG);
            assertThat(assessAt(known, asOf).alerts()).extracting(Assessment.Alert::type).contains(AlertType.RED_FLAG_SYMPTOM);
        }
        // without its recording time it would be two weeks old already
        PainReading unrecorded = new PainReading(flagged.sessionId(), flagged.completedAt(), flagged.painBefore(),
                flagged.painAfter(), false, true);
        List<PainReading> withoutRecording = new ArrayList<>(readings);
        withoutRecording.set(20, unrecorded);
        assertThat(assess(withoutRecording).status()).isNotEqualTo(ProgressStatus.RED_FLAG);
        // shown through the 13th day after its arrival (day 49), not on the 14th
        Instant day49 = DAY0.plus(Duration.ofDays(49)).plus(Duration.ofHours(15));
        Instant day50 = DAY0.plus(Duration.ofDays(50)).plus(Duration.ofHours(1));
        assertThat(assessAt(readings, day49).status()).isEqualTo(ProgressStatus.RED_FLAG);
        assertThat(assessAt(readings, day50).status()).isNotEqualTo(ProgressStatus.RED_FLAG);
    }

    @Test
    void theOrderOfSessionsDoesNotMatter() {
        List<PainReading> readings = daily(fallThenFlat(7, 0.15, 20, 12));
        List<PainReading> shuffled = new ArrayList<>(readings);
        Collections.shuffle(shuffled);
        Instant now = readings.get(readings.size() - 1).completedAt();
        assertThat(assessAt(shuffled, now)).isEqualTo(assessAt(readings, now));
    }
}
