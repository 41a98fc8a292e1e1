package org.backtrack.progress.assessment;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DailySeriesTest {

    static PainReading at(String id, String instant, int before, int after) {
        return new PainReading(id, Instant.parse(instant), before, after, false, false);
    }

    @Test
    void foldsSessionsPerDayWithReliefAndRollingMean() {
        List<DailySeries.Day> days = DailySeries.of(List.of(
                at("a", "2026-11-01T07:00:00Z", 6, 4),
                at("b", "2026-11-01T20:00:00Z", 5, 4),   // same day: means 5.5 / 4
                at("c", "2026-11-03T07:00:00Z", 4, 3),
                at("d", "2026-11-09T07:00:00Z", 2, 2))); // 11-03 is still inside its 7 days, 11-01 is not

        assertThat(days).extracting(DailySeries.Day::date).containsExactly(
                LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-03"), LocalDate.parse("2026-11-09"));
        assertThat(days.get(0)).isEqualTo(new DailySeries.Day(LocalDate.parse("2026-11-01"), 5.5, 4.0, 1.5, 2, 5.5));
        assertThat(days.get(1).rollingMean7()).isEqualTo(4.75);
        assertThat(days.get(2).rollingMean7()).isEqualTo(3.0);
        assertThat(days.get(2).relief()).isEqualTo(0.0);
    }

    @Test
    void orderOfSessionsDoesNotMatter() {
        var a = at("a", "2026-11-01T07:00:00Z", 6, 4);
        var b = at("b", "2026-11-02T07:00:00Z", 5, 4);
        assertThat(DailySeries.of(List.of(b, a))).isEqualTo(DailySeries.of(List.of(a, b)));
    }
}
