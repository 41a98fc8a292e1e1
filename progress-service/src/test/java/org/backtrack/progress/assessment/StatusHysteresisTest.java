package org.backtrack.progress.assessment;

import org.backtrack.events.ProgressStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backtrack.progress.assessment.TrendEvidence.Evidence;

class StatusHysteresisTest {

    static final Instant DAY0 = Instant.parse("2026-04-06T07:30:00Z");

    /** A random course: a fall, then flat, a rise or more of the fall; noise, missed days, several sessions a day. */
    static List<PainReading> randomHistory(Random random) {
        int days = 14 + random.nextInt(40);
        double level = 3 + random.nextDouble() * 6.5;
        double slope = -random.nextDouble() * 0.2;
        int change = 5 + random.nextInt(days);
        double after = switch (random.nextInt(3)) {
            case 0 -> 0;
            case 1 -> random.nextDouble() * 0.2;
            default -> slope;
        };
        double noise = random.nextDouble() * 1.2;
        double adherence = 0.4 + random.nextDouble() * 0.6;
        List<PainReading> readings = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            if (d > 0 && random.nextDouble() > adherence) {
                continue;
            }
            double expected = level + slope * Math.min(d, change) + after * Math.max(0, d - change);
            int sessions = random.nextInt(10) == 0 ? 2 : 1;
            for (int s = 0; s < sessions; s++) {
                int before = Math.max(0, Math.min(10, (int) Math.round(expected + random.nextGaussian() * noise)));
                int relief = random.nextInt(8) == 0 ? 0 : 1 + random.nextInt(2);
                readings.add(new PainReading("s" + d + "-" + s, DAY0.plus(Duration.ofDays(d)).plus(Duration.ofMinutes(90L * s)),
                        before, Math.max(0, before - relief), false, false));
            }
        }
        return readings;
    }

    /** On many random histories: what must never be held back is shown at once, and the order of arrival never matters. */
    @Test
    void neverHoldsBackWhatTheLatestDayShowsOnItsOwn() {
        Random random = new Random(2026);
        int[] seen = new int[Evidence.values().length];
        for (int n = 0; n < 1500; n++) {
            List<PainReading> readings = randomHistory(random);
            PainDays days = PainDays.of(PatientWindow.of("p", "c", readings));
            Evidence today = TrendEvidence.asOf(days, days.lastDay());
            seen[today.ordinal()]++;
            ProgressStatus status = StatusHysteresis.status(days);
            switch (today) {
                case TOO_EARLY -> assertThat(status).as("history %d", n).isEqualTo(ProgressStatus.INSUFFICIENT_DATA);
                case RECOVERED -> assertThat(status).as("history %d", n).isEqualTo(ProgressStatus.RECOVERED);
                case RISING -> assertThat(status).as("history %d", n).isEqualTo(ProgressStatus.WORSENING);
                case STOPPED -> assertThat(status).as("history %d", n).isIn(ProgressStatus.PLATEAU, ProgressStatus.RECOVERED);
                case FALLING_CLEARLY -> assertThat(status).as("history %d", n).isIn(ProgressStatus.IMPROVING, ProgressStatus.RECOVERED);
                default -> assertThat(status).as("history %d", n).isIn(ProgressStatus.IMPROVING, ProgressStatus.PLATEAU,
                        ProgressStatus.WORSENING, ProgressStatus.RECOVERED);
            }
            List<PainReading> shuffled = new ArrayList<>(readings);
            Collections.shuffle(shuffled, random);
            assertThat(StatusHysteresis.status(PainDays.of(PatientWindow.of("p", "c", shuffled)))).isEqualTo(status);
        }
        for (Evidence e : Evidence.values()) {
            assertThat(seen[e.ordinal()]).as("%s among the random histories", e).isPositive();
        }
    }

    /** The status depends on the evidence of the last eight days only: older sessions change it only through them. */
    @Test
    void aPlateauReachedOnEvidenceEndsOnlyOnAClearOrRepeatedFall() {
        Random random = new Random(99);
        int checked = 0;
        for (int n = 0; n < 3000 && checked < 200; n++) {
            List<PainReading> readings = randomHistory(random);
            PainDays days = PainDays.of(PatientWindow.of("p", "c", readings));
            if (days.days.length < 3) {
                continue;
            }
            long last = days.lastDay();
            long previous = days.days[days.days.length - 2];
            Evidence before = TrendEvidence.asOf(days, previous);
            Evidence today = TrendEvidence.asOf(days, last);
            if (before == Evidence.STOPPED && today == Evidence.FALLING_WEAKLY) {
                checked++;
                assertThat(StatusHysteresis.status(days)).as("history %d", n).isEqualTo(ProgressStatus.PLATEAU);
            }
        }
        assertThat(checked).isPositive();
    }

    @Test
    void anEmptyWindowIsInsufficientData() {
        assertThat(StatusHysteresis.status(PainDays.of(PatientWindow.empty("p", "c")))).isEqualTo(ProgressStatus.INSUFFICIENT_DATA);
    }
}
