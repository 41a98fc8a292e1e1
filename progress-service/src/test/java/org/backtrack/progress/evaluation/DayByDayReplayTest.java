package org.backtrack.progress.evaluation;

import org.backtrack.events.ProgressStatus;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16's yardstick in CI: a small seeded cohort replayed day by day (see {@link DayByDayReplay}). It asserts what
 * the harness guarantees, what must not regress, and the issue's targets the tuned rules meet
 * ({@link #issue16TargetsAfterTuning()}); the one they do not meet stays disabled with its reason. A large run:
 * {@code -Dbacktrack.replay.patients=2000} (figures in docs/benchmarks.md).
 */
class DayByDayReplayTest {

    static final int PATIENTS = Integer.getInteger("backtrack.replay.patients", 120);
    static final long SEED = Long.getLong("backtrack.replay.seed", 16L);

    // replayed once for all tests of the class
    static final List<LabelledHistories.Patient> patients = LabelledHistories.generate(PATIENTS, SEED);
    static final DayByDayReplay.Report report = new DayByDayReplay.Report(new DayByDayReplay().replay(patients));

    @Test
    void printsTheTableAndJudgesEveryLabelledDay() {
        System.out.print(report.render());
        int labelled = 0;
        for (LabelledHistories.Patient p : patients) {
            for (int d = 0; d < p.days(); d++) {
                assertThat(p.truth()[d] == null).as("%s day %d labelled iff judged", p.id(), d)
                        .isEqualTo(d < LabelledHistories.JUDGED_FROM);
                labelled += p.truth()[d] == null ? 0 : 1;
            }
        }
        assertThat(report.labelledDays).isEqualTo(labelled);
        assertThat(report.judgedDays).as("every labelled day is judged").isEqualTo(labelled);
        int truths = report.scores.values().stream().mapToInt(DayByDayReplay.Report.Score::actual).sum();
        int predictions = report.scores.values().stream().mapToInt(DayByDayReplay.Report.Score::predicted).sum();
        assertThat(truths).isEqualTo(labelled);
        assertThat(predictions).isEqualTo(labelled);
    }

    @Test
    void everyCohortIsPresentWithItsLabelsAndOnsets() {
        for (LabelledHistories.Cohort cohort : LabelledHistories.Cohort.values()) {
            assertThat(patients).as("%s", cohort).anyMatch(p -> p.cohort() == cohort);
        }
        for (LabelledHistories.Patient p : patients) {
            if (p.target() != null) {
                assertThat(p.onset()).as(p.id()).isBetween(LabelledHistories.JUDGED_FROM, p.days() - 1);
                assertThat(p.truth()[p.onset()]).as(p.id()).isEqualTo(p.target());
                assertThat(p.truth()[p.onset() - 1]).as(p.id()).isNotEqualTo(p.target());
            } else {
                assertThat(Arrays.stream(p.truth()).skip(LabelledHistories.JUDGED_FROM)).as(p.id())
                        .containsOnly(ProgressStatus.IMPROVING);
            }
            assertThat(p.sessions()).allSatisfy(s -> {
                assertThat(s.reading().painBefore()).isBetween(0, 10);
                assertThat(s.arrivalDay()).isBetween(s.day(), p.days() - 1);
            });
        }
        // the late red flags do arrive late, the last of them 16 days after they happened
        assertThat(patients.stream().filter(p -> p.cohort() == LabelledHistories.Cohort.RED_FLAG_LATE)
                .flatMap(p -> p.sessions().stream()).filter(s -> s.reading().redFlag())
                .mapToInt(s -> s.arrivalDay() - s.day()).max()).hasValue(16);
    }

    @Test
    void theReplayIsDeterministic() {
        DayByDayReplay.Report again = new DayByDayReplay.Report(
                new DayByDayReplay().replay(LabelledHistories.generate(PATIENTS, SEED)));
        assertThat(again.render()).isEqualTo(report.render());
    }

    @Test
    void onTimeRedFlagsAreShownOnEveryRedFlagDay() {
        assertThat(report.redFlagRecallOnTime).isEqualTo(1.0);
        assertThat(report.delays(LabelledHistories.Cohort.RED_FLAG_ON_TIME).percentile(1.0)).isZero();
    }

    /** Issue 16 item 2: the targets the tuned rules meet (see the "target vs now" line and docs/analytics.md). */
    @Test
    void issue16TargetsAfterTuning() {
        assertThat(report.falsePlateauRate()).isLessThanOrEqualTo(0.02);
        assertThat(report.delays(LabelledHistories.Cohort.PLATEAU_FADING_RELIEF).percentile(0.5)).isLessThanOrEqualTo(5);
        assertThat(report.delays(LabelledHistories.Cohort.PLATEAU_FADING_RELIEF).percentile(1.0)).isLessThanOrEqualTo(10);
        assertThat(report.maxChangesPerWeek).isLessThanOrEqualTo(1.0);
        assertThat(report.redFlagRecallLate).isEqualTo(1.0);
    }

    /**
     * Issue 16 item 2's target for plateaus that keep their relief, not met: with pain alone (noise of sd 0.76 on one
     * score a day) even a test that knew the onset day and the earlier slope could not tell a stop from a 0.5-a-week
     * fall by day 7 at the 2% false-plateau rate (docs/analytics.md, "what the targets cost"); the tuned rules reach a
     * median of 15 days at this size, 17 on 2000 patients.
     */
    @Test
    @Disabled("issue 16 item 2: plateau delay without fading relief (median <= 7, max <= 10) is below what pain alone can show at <= 2% false plateaus")
    void issue16PlateauDelayWithoutFadingRelief() {
        assertThat(report.delays(LabelledHistories.Cohort.PLATEAU_KEEPING_RELIEF).percentile(0.5)).isLessThanOrEqualTo(7);
        assertThat(report.delays(LabelledHistories.Cohort.PLATEAU_KEEPING_RELIEF).percentile(1.0)).isLessThanOrEqualTo(10);
    }
}
