package org.backtrack.progress.outcomes.rules;

import org.backtrack.progress.programs.rules.ProgramTimeline;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StartingProgramTest {

    static ProgramTimeline.History history(long firstVersion, String startingStage, List<String> focus,
                                           List<ProgramTimeline.StageChange> changes) {
        return new ProgramTimeline.History("c/p", "c", "p", 9, "STRENGTHENING", focus, null, "dr", Instant.parse("2026-05-01T00:00:00Z"),
                firstVersion, startingStage, focus, Instant.parse("2026-03-01T00:00:00Z"), changes);
    }

    @Test
    void withoutAHistoryItIsTheInitialProgram() {
        assertThat(StartingProgram.of(null, Instant.parse("2026-03-05T00:00:00Z")))
                .isEqualTo(new StartingProgram("BASIC", StartingProgram.NO_PROGRAM));
    }

    @Test
    void theStageInEffectAtTheFirstSessionAndTheFocusNameTheGroup() {
        var changes = List.of(new ProgramTimeline.StageChange("DEEPER", "STRENGTHENING", Instant.parse("2026-04-01T00:00:00Z"), 5, "dr"));
        var h = history(1, "DEEPER", List.of("LOWER_BACK", "HIPS"), changes);
        assertThat(StartingProgram.of(h, Instant.parse("2026-03-05T00:00:00Z"))).isEqualTo(new StartingProgram("DEEPER", "HIPS+LOWER_BACK"));
        assertThat(StartingProgram.of(h, Instant.parse("2026-04-02T00:00:00Z")).stage()).isEqualTo("STRENGTHENING");
        // before the first change: version 1 means the initial stage was in effect; a later first version, the best known
        assertThat(StartingProgram.of(h, Instant.parse("2026-02-01T00:00:00Z")).stage()).isEqualTo("BASIC");
        assertThat(StartingProgram.of(history(4, "DEEPER", List.of(), List.of()), Instant.parse("2026-02-01T00:00:00Z")))
                .isEqualTo(new StartingProgram("DEEPER", StartingProgram.NO_FOCUS));
    }

    @Test
    void theBreakdownCountsEachPatientInItsGroupOnly() {
        List<PainEntry> entries = new java.util.ArrayList<>(Entries.daily("a", 60, 6, 2));
        entries.addAll(Entries.flat("b", 60, 5));
        entries.addAll(Entries.flat("c", 10, 5));
        var groups = ClinicOutcomes.byGroup(entries, p -> p.equals("a") ? "DEEPER" : "BASIC", 7, org.backtrack.progress.assessment.CalendarDays.UTC);
        assertThat(groups).extracting(ClinicOutcomes.Group::key).containsExactly("BASIC", "DEEPER");
        assertThat(groups.get(0).result().patientsWithData()).isEqualTo(2);
        assertThat(groups.get(0).result().followUps().get(1).responders()).isZero(); // at 8 weeks
        assertThat(groups.get(1).result().followUps().get(1).responders()).isEqualTo(1);
        assertThat(groups.get(1).result().followUps().get(1).responderShare()).isEqualTo(1.0);
    }
}
