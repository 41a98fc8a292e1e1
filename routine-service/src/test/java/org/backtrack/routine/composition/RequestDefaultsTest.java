package org.backtrack.routine.composition;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What a routine request that leaves something out is filled in with. */
class RequestDefaultsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    @Test
    void withoutATimeOfDayAnyTimeSuits() {
        assertThat(RequestDefaults.timeOfDay(null)).isEqualTo("ANY");
        assertThat(RequestDefaults.timeOfDay("MORNING")).isEqualTo("MORNING");
        assertThat(RequestDefaults.timeOfDay("ANY")).isEqualTo("ANY");
    }

    @Test
    void theProgramsStageStandsUnlessTheRequestNamesOne() {
        assertThat(RequestDefaults.stage(null, "DEEPER")).isEqualTo("DEEPER");
        assertThat(RequestDefaults.stage("BASIC", "DEEPER")).isEqualTo("BASIC");
        assertThat(RequestDefaults.stage("STRENGTHENING", "BASIC")).isEqualTo("STRENGTHENING");
        assertThat(RequestDefaults.stage(null, null)).isNull();
    }

    @Test
    void theProgramsFocusStandsUnlessTheRequestGivesOne() {
        Set<String> program = Set.of("LOWER_BACK");
        assertThat(RequestDefaults.focus(null, program)).isEqualTo(program);
        assertThat(RequestDefaults.focus(Set.of(), program)).isEqualTo(program);
        assertThat(RequestDefaults.focus(Set.of("HIPS", "NECK"), program)).containsExactlyInAnyOrder("HIPS", "NECK");
        assertThat(RequestDefaults.focus(null, Set.of())).isEmpty();
    }

    @Test
    void theRoutineIsForTodayUnlessTheRequestNamesADay() {
        assertThat(RequestDefaults.date(null, TODAY)).isEqualTo(TODAY);
        assertThat(RequestDefaults.date(TODAY.minusDays(3), TODAY)).isEqualTo(TODAY.minusDays(3));
        assertThat(RequestDefaults.date(TODAY.plusDays(1), TODAY)).isEqualTo(TODAY.plusDays(1));
    }
}
