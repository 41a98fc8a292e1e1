package org.backtrack.progress.monitoring;

import org.backtrack.progress.monitoring.MonitoringDays.PatientRow;
import org.backtrack.progress.monitoring.rules.MonitoringPeriods.Standing;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AtRiskFirstTest {

    static PatientRow row(String id, int daysLeft, int daysNeeded, Standing standing) {
        return new PatientRow(id, LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-30"), 16 - daysNeeded, true,
                standing == Standing.REACHED, daysLeft, daysNeeded, standing == Standing.LOST ? LocalDate.parse("2026-03-20") : null,
                standing);
    }

    @Test
    void reachableByLeastSlackFirstThenLostThenReachedThenByPatient() {
        List<PatientRow> rows = new ArrayList<>(List.of(
                row("p-reached", 5, 0, Standing.REACHED),
                row("p-lost", 3, 10, Standing.LOST),
                row("p-comfortable", 20, 4, Standing.REACHABLE),
                row("p-tight-b", 10, 10, Standing.REACHABLE),
                row("p-tight-a", 10, 10, Standing.REACHABLE),
                row("p-some", 12, 8, Standing.REACHABLE)));
        for (int i = 0; i < rows.size(); i++) {
            Collections.rotate(rows, 1);
            List<PatientRow> sorted = new ArrayList<>(rows);
            sorted.sort(MonitoringQueries.AT_RISK_FIRST);
            assertThat(sorted).extracting(PatientRow::patientId)
                    .containsExactly("p-tight-a", "p-tight-b", "p-some", "p-comfortable", "p-lost", "p-reached");
        }
    }
}
