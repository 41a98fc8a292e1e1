package org.backtrack.progress.monitoring.web;

import org.backtrack.problems.InvalidParameterException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MonitoringPeriodParameterTest {

    @Test
    void currentOrNothingIsTodayAndADateChoosesItsPeriod() {
        assertThat(MonitoringController.dateOf(Optional.empty())).isEmpty();
        assertThat(MonitoringController.dateOf(Optional.of("current"))).isEmpty();
        assertThat(MonitoringController.dateOf(Optional.of("2026-03-08"))).contains(LocalDate.parse("2026-03-08"));
        assertThat(MonitoringController.dateOf(Optional.of("2999-12-31"))).contains(LocalDate.parse("2999-12-31"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-02-30", "2026-3-8", "1999-12-31", "3000-01-01", "+10000-01-01", "CURRENT",
            "2026-03-08T00:00:00Z", "2026-03-08'--"})
    void anythingElseIs400NamingPeriod(String period) {
        assertThatThrownBy(() -> MonitoringController.dateOf(Optional.of(period)))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field()).isEqualTo("period"));
    }
}
