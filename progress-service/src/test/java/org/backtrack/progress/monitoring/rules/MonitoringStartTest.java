package org.backtrack.progress.monitoring.rules;

import org.backtrack.progress.assessment.CalendarDays;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class MonitoringStartTest {

    private static final CalendarDays NEW_YORK = new CalendarDays(ZoneId.of("America/New_York"));

    @Test
    void theProgramsStartWinsEvenBeforeOrAfterTheFirstSession() {
        Optional<Instant> first = Optional.of(Instant.parse("2026-03-10T15:00:00Z"));
        assertThat(MonitoringStart.of(LocalDate.parse("2026-03-01"), first, NEW_YORK))
                .contains(new MonitoringStart(LocalDate.parse("2026-03-01"), MonitoringStart.Source.PROGRAM));
        assertThat(MonitoringStart.of(LocalDate.parse("2026-03-20"), first, NEW_YORK).orElseThrow().date())
                .isEqualTo(LocalDate.parse("2026-03-20"));
        assertThat(MonitoringStart.of(LocalDate.parse("2026-03-20"), Optional.empty(), NEW_YORK)).isPresent();
    }

    @Test
    void withoutOneTheFirstSessionsDayInTheClinicsZoneStarts() {
        // 01:30 UTC on the 2nd is 20:30 on the 1st in New York
        assertThat(MonitoringStart.of(null, Optional.of(Instant.parse("2026-03-02T01:30:00Z")), NEW_YORK))
                .contains(new MonitoringStart(LocalDate.parse("2026-03-01"), MonitoringStart.Source.FIRST_SESSION));
        assertThat(MonitoringStart.of(null, Optional.empty(), NEW_YORK)).isEmpty();
    }
}
