package org.backtrack.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The one stage ladder: its order, what sits beside it, and how names are read. */
class StageTest {

    @Test
    void theLadderIsBasicThenDeeperThenStrengthening() {
        assertThat(Stage.ladder()).containsExactly(Stage.BASIC, Stage.DEEPER, Stage.STRENGTHENING);
        assertThat(Stage.ladderNames()).containsExactly("BASIC", "DEEPER", "STRENGTHENING");
        assertThat(Stage.first()).isEqualTo(Stage.BASIC);
    }

    @Test
    void recoveryToolsSitBesideTheLadder() {
        assertThat(Stage.RECOVERY_TOOL.onLadder()).isFalse();
        assertThat(Stage.RECOVERY_TOOL.rung()).isEqualTo(-1);
        assertThat(Stage.ladder()).doesNotContain(Stage.RECOVERY_TOOL);
    }

    @ParameterizedTest
    @CsvSource({
            "DEEPER, BASIC, true", "STRENGTHENING, BASIC, true", "STRENGTHENING, DEEPER, true",
            "BASIC, BASIC, false", "DEEPER, DEEPER, false", "BASIC, DEEPER, false", "DEEPER, STRENGTHENING, false",
            "RECOVERY_TOOL, BASIC, false", "BASIC, RECOVERY_TOOL, false", "STRENGTHENING, RECOVERY_TOOL, false"})
    void aStageIsAboveAnotherOnlyFurtherUpTheLadder(Stage stage, Stage other, boolean above) {
        assertThat(stage.isAbove(other)).isEqualTo(above);
    }

    @Test
    void rungsFollowTheLadder() {
        for (int i = 0; i < Stage.ladder().size(); i++) {
            assertThat(Stage.ladder().get(i).rung()).isEqualTo(i);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"BASIC", "DEEPER", "STRENGTHENING", "RECOVERY_TOOL"})
    void namesAreTheContractsSpelling(String name) {
        assertThat(Stage.named(name)).contains(Stage.valueOf(name));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"basic", "Deeper", " BASIC", "NOT_A_STAGE"})
    void anythingElseNamesNoStage(String name) {
        assertThat(Stage.named(name)).isEmpty();
        assertThat(Stage.onLadderNamed(name)).isEmpty();
    }

    @Test
    void onlyStagesOfTheLadderAreOnLadderNamed() {
        assertThat(Stage.onLadderNamed("DEEPER")).contains(Stage.DEEPER);
        assertThat(Stage.onLadderNamed("RECOVERY_TOOL")).isEmpty();
    }

    @Test
    void everyStageHasWordsForPeople() {
        assertThat(Arrays.stream(Stage.values()).map(Stage::label)).doesNotContainNull().doesNotHaveDuplicates()
                .allSatisfy(label -> assertThat(label).isNotBlank().isLowerCase());
    }
}
