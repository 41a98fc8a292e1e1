package org.backtrack.progress.assessment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ReliefFadingTest {

    static final Instant DAY0 = Instant.parse("2026-05-04T08:00:00Z");

    static PatientWindow window(int[] before, int[] relief) {
        List<PainReading> readings = new ArrayList<>();
        for (int d = 0; d < before.length; d++) {
            if (before[d] >= 0) {
                readings.add(new PainReading("s" + d, DAY0.plus(Duration.ofDays(d)), before[d], Math.max(0, before[d] - relief[d]),
                        false, false));
            }
        }
        return PatientWindow.of("p", "c", readings);
    }

    static boolean faded(int[] before, int[] relief) {
        PainDays days = PainDays.of(window(before, relief));
        return ReliefFading.asOf(days, days.lastDay());
    }

    static int[] filled(int days, int value) {
        int[] values = new int[days];
        java.util.Arrays.fill(values, value);
        return values;
    }

    @ParameterizedTest(name = "pain {0}, relief {1}: no relief {2}")
    @CsvSource({"5, 0, true", "5, -1, true", "2, 0, true", "1, 0, false", "0, 0, false", "5, 1, false", "9, 3, false"})
    void aSessionWithoutReliefStartsWithPainToRelieve(int before, int relief, boolean none) {
        assertThat(ReliefFading.noRelief(new PainReading("s", DAY0, before, before - relief, false, false))).isEqualTo(none);
    }

    @Test
    void oneSessionWithoutReliefInTheLastWeekAfterAFirstWeekWithRelief() {
        int[] before = filled(20, 6);
        int[] relief = filled(20, 1);
        assertThat(faded(before, relief)).isFalse();
        relief[19 - 6] = 0; // six days before the latest: within the last seven days
        assertThat(faded(before, relief)).isTrue();
        relief[19 - 6] = 1;
        relief[19 - 7] = 0; // seven days before: outside
        assertThat(faded(before, relief)).isFalse();
    }

    @Test
    void notForAPatientWhoseFirstWeekBroughtLittleOrSometimesNoRelief() {
        int[] before = filled(20, 6);
        int[] relief = filled(20, 1);
        relief[18] = 0;
        relief[3] = 0; // a first-week session without relief: their own pattern
        assertThat(faded(before, relief)).isFalse();
        int[] mild = filled(20, 6); // a first week at 1/10 brings no relief to speak of (mean relief 0)
        java.util.Arrays.fill(mild, 0, 7, 1);
        int[] little = filled(20, 1);
        java.util.Arrays.fill(little, 0, 7, 0);
        little[18] = 0;
        assertThat(faded(mild, little)).isFalse();
        before = mild;
        assertThat(faded(before, little)).isFalse();
    }

    /** Many random histories: faded exactly when the definition says, whatever the days without sessions. */
    @Test
    void matchesTheDefinitionOnRandomHistories() {
        Random random = new Random(7);
        for (int n = 0; n < 500; n++) {
            int days = 15 + random.nextInt(30);
            int[] before = new int[days];
            int[] relief = new int[days];
            for (int d = 0; d < days; d++) {
                before[d] = d > 0 && random.nextInt(5) == 0 ? -1 : random.nextInt(11); // -1: no session that day
                relief[d] = random.nextInt(6) == 0 ? 0 : 1 + random.nextInt(2);
            }
            before[days - 1] = Math.max(0, before[days - 1]);
            int last = days - 1;
            double firstWeekRelief = 0;
            int firstWeek = 0;
            boolean firstWeekNone = false;
            boolean recentNone = false;
            for (int d = 0; d < days; d++) {
                if (before[d] < 0) {
                    continue;
                }
                int actual = before[d] - Math.max(0, before[d] - relief[d]);
                boolean none = before[d] >= ReliefFading.MIN_PAIN_FOR_RELIEF && actual <= 0;
                if (d < 7) {
                    firstWeekRelief += actual;
                    firstWeek++;
                    firstWeekNone |= none;
                }
                recentNone |= none && d > last - ReliefFading.RECENT_DAYS;
            }
            boolean expected = firstWeek > 0 && firstWeekRelief / firstWeek >= ReliefFading.MIN_BASELINE_RELIEF
                    && !firstWeekNone && recentNone;
            assertThat(faded(before, relief)).as("history %d", n).isEqualTo(expected);
        }
    }
}
