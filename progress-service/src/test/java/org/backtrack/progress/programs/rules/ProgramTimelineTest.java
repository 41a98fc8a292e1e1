package org.backtrack.progress.programs.rules;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.backtrack.events.ProgramChanged;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ProgramTimelineTest {

    private static final Instant T0 = Instant.parse("2026-10-01T09:00:00Z");

    static ProgramChanged change(long version, String stage, LocalDate start) {
        return new ProgramChanged("clinic-1", "p-1", stage, List.of("LOWER_BACK"), List.of(), "dr-lee",
                T0.plusSeconds(3600L * 24 * version), version, start);
    }

    static ProgramTimeline.History fold(List<ProgramChanged> changes) {
        ProgramTimeline.History history = null;
        for (ProgramChanged change : changes) {
            history = ProgramTimeline.apply(history, "clinic-1/p-1", change).orElse(history);
        }
        return history;
    }

    @Test
    void stageChangesAreRecordedWithTheirTimeAndTheFirstVersionFixesTheStart() {
        var history = fold(List.of(change(1, "BASIC", null), change(2, "BASIC", LocalDate.parse("2026-10-05")),
                change(3, "DEEPER", LocalDate.parse("2026-10-05")), change(4, "STRENGTHENING", LocalDate.parse("2026-10-05"))));
        assertThat(history.version()).isEqualTo(4);
        assertThat(history.stage()).isEqualTo("STRENGTHENING");
        assertThat(history.startingStage()).isEqualTo("BASIC");
        assertThat(history.monitoringStart()).isEqualTo(LocalDate.parse("2026-10-05"));
        assertThat(history.stageChanges()).extracting(ProgramTimeline.StageChange::fromStage, ProgramTimeline.StageChange::toStage)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("BASIC", "DEEPER"),
                        org.assertj.core.groups.Tuple.tuple("DEEPER", "STRENGTHENING"));
        assertThat(history.stageChanges().get(0).at()).isEqualTo(T0.plusSeconds(3600L * 24 * 3));
        assertThat(history.stageAt(T0)).isEqualTo("BASIC");
        assertThat(history.stageAt(T0.plusSeconds(3600L * 24 * 3))).isEqualTo("DEEPER");
        assertThat(history.stageAt(T0.plusSeconds(3600L * 24 * 30))).isEqualTo("STRENGTHENING");
    }

    @Test
    void anOlderOrEqualVersionChangesNothing() {
        var history = fold(List.of(change(1, "BASIC", null), change(3, "DEEPER", null)));
        assertThat(ProgramTimeline.apply(history, "k", change(3, "STRENGTHENING", null))).isEmpty();
        assertThat(ProgramTimeline.apply(history, "k", change(2, "BASIC", null))).isEmpty();
    }

    @Test
    void aLaterVersionWithoutAMonitoringStartClearsIt() {
        var history = fold(List.of(change(1, "BASIC", LocalDate.parse("2026-10-05")), change(2, "BASIC", null)));
        assertThat(history.monitoringStart()).isNull();
        assertThat(history.stageChanges()).isEmpty();
    }

    /** Whatever redeliveries and late resends a consumer sees, in order by version it ends as with each version once. */
    @Property(tries = 200)
    void redeliveriesAndLateResendsChangeNothing(@ForAll @Size(min = 1, max = 12) List<@IntRange(min = 0, max = 2) Integer> stages,
                                                 @ForAll long seed) {
        String[] ladder = {"BASIC", "DEEPER", "STRENGTHENING"};
        List<ProgramChanged> once = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            once.add(change(i + 1, ladder[stages.get(i)], null));
        }
        List<ProgramChanged> delivered = new ArrayList<>(once);
        Random random = new Random(seed);
        for (int i = 0; i < stages.size(); i++) { // resends of earlier versions, anywhere after the original
            int original = random.nextInt(once.size());
            int first = delivered.indexOf(once.get(original)); // the original delivery (copies only ever follow it)
            delivered.add(first + 1 + random.nextInt(delivered.size() - first), once.get(original));
        }
        assertThat(fold(delivered)).isEqualTo(fold(once));
        long changes = 0;
        for (int i = 1; i < stages.size(); i++) {
            changes += stages.get(i).equals(stages.get(i - 1)) ? 0 : 1;
        }
        assertThat(fold(once).stageChanges()).hasSize((int) changes);
        Collections.reverse(delivered);
        assertThat(fold(delivered).version()).isEqualTo(stages.size()); // newest first: only the newest applies
    }
}
