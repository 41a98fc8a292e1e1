package org.backtrack.progress.assessment;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backtrack.progress.assessment.TrendEvidence.Evidence;

class TrendEvidenceTest {

    static final Instant DAY0 = Instant.parse("2026-02-02T09:00:00Z");

    /** One session a day (none where the value is negative), relief 1. */
    static Evidence evidence(double... pain) {
        return evidence(pain, null);
    }

    static Evidence evidence(double[] pain, int[] relief) {
        List<PainReading> readings = new ArrayList<>();
        for (int d = 0; d < pain.length; d++) {
            if (pain[d] >= 0) {
                int before = (int) Math.round(pain[d]);
                int r = relief == null ? 1 : relief[d];
                readings.add(new PainReading("s" + d, DAY0.plus(Duration.ofDays(d)), before, Math.max(0, before - r), false, false));
            }
        }
        PainDays days = PainDays.of(PatientWindow.of("p", "c", readings));
        return TrendEvidence.asOf(days, days.lastDay());
    }

    static double[] course(double from, double perDay, int fallDays, double afterPerDay, int afterDays) {
        double[] v = new double[fallDays + afterDays];
        for (int d = 0; d < v.length; d++) {
            v[d] = d < fallDays ? from + perDay * d : from + perDay * fallDays + afterPerDay * (d - fallDays);
        }
        return v;
    }

    @Test
    void tooEarlyWithoutSixSessionsTwoWeeksAndSixTrendDays() {
        assertThat(evidence(course(6, -0.1, 14, 0, 0))).isEqualTo(Evidence.TOO_EARLY); // 13 days
        assertThat(evidence(6, -1, -1, 6, -1, -1, 5, -1, -1, 5, -1, -1, -1, -1, 5)).isEqualTo(Evidence.TOO_EARLY); // 5 sessions
        double[] sparse = course(6, -0.05, 30, 0, 0); // sessions on days 0-6, then only every fifth day
        for (int d = 7; d < sparse.length - 1; d++) {
            sparse[d] = d % 5 == 0 ? sparse[d] : -1;
        }
        assertThat(evidence(sparse)).isEqualTo(Evidence.TOO_EARLY); // 5 trend days in the last 21
        assertThat(evidence(course(6, -0.1, 15, 0, 0))).isNotEqualTo(Evidence.TOO_EARLY); // day 14
    }

    @Test
    void recoveredAtOrBelowOne() {
        assertThat(evidence(course(5, -0.3, 15, 0, 10))).isEqualTo(Evidence.RECOVERED);
    }

    @Test
    void risingAfterAFallAndAboveTheFirstWeekByTheMinimalImportantChange() {
        assertThat(evidence(course(6, -0.1, 20, 0.2, 10))).isEqualTo(Evidence.RISING);
        assertThat(evidence(course(3, 0, 14, 0.2, 8))).isEqualTo(Evidence.RISING); // 3 -> 4.6: MIC 1 at a mild baseline
    }

    @Test
    void stoppedAfterABreakToFlatOrOnAFlatLine() {
        assertThat(evidence(course(8, -0.15, 20, 0, 10))).isEqualTo(Evidence.STOPPED);
        assertThat(evidence(course(5, 0, 28, 0, 0))).isEqualTo(Evidence.STOPPED);
    }

    @Test
    void fallingClearlyOnASteadyFall() {
        assertThat(evidence(course(9, -0.15, 35, 0, 0))).isEqualTo(Evidence.FALLING_CLEARLY);
    }

    @Test
    void aSlowFallWithADailyWobbleStillFalls() {
        // 0.5 a week with a wobble of more than a point from day to day
        double[] pain = new double[35];
        for (int d = 0; d < pain.length; d++) {
            pain[d] = 8 - 0.5 / 7 * d + (d % 3 == 0 ? 0.6 : d % 3 == 1 ? -0.6 : 0);
        }
        Evidence e = evidence(pain);
        assertThat(e).isIn(Evidence.FALLING_WEAKLY, Evidence.FALLING, Evidence.FALLING_CLEARLY);
    }

    @Test
    void withFadedReliefOnlyAClearFallOfTheLastDaysKeepsItFromStopped() {
        double[] slowing = course(8.7, -0.8 / 7, 24, 0, 4);
        int[] relief = new int[slowing.length];
        java.util.Arrays.fill(relief, 2);
        relief[relief.length - 2] = 0;
        assertThat(evidence(slowing, relief)).isEqualTo(Evidence.STOPPED);
        double[] steep = course(9, -0.25, 28, 0, 0);
        assertThat(evidence(steep, relief)).isNotEqualTo(Evidence.STOPPED);
    }
}
