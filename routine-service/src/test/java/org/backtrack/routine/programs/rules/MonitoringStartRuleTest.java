package org.backtrack.routine.programs.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class MonitoringStartRuleTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-02");

    @Test
    void theEdgesOfTheRangeAreAcceptedAndOneDayBeyondIsRefused() {
        assertThat(MonitoringStartRule.check("2025-12-02", TODAY).date()).isEqualTo(LocalDate.parse("2025-12-02")); // 365 back
        assertThat(MonitoringStartRule.check("2027-01-01", TODAY).date()).isEqualTo(LocalDate.parse("2027-01-01")); // 30 ahead
        assertThat(MonitoringStartRule.check("2026-12-02", TODAY).valid()).isTrue();
        assertThat(MonitoringStartRule.check("2025-12-01", TODAY).problem()).contains("2025-12-02 to 2027-01-01");
        assertThat(MonitoringStartRule.check("2027-01-02", TODAY).valid()).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"2026-02-30", "02.12.2026", "2026-12-2", "2026-12-02T00:00:00Z", "+02026-12-02", "today", "<script>"})
    void anythingButAnIsoDateIsRefused(String text) {
        MonitoringStartRule.Checked checked = MonitoringStartRule.check(text, TODAY);
        assertThat(checked.valid()).isFalse();
        assertThat(checked.problem()).isEqualTo("must be a date written yyyy-MM-dd");
    }
}
