package org.backtrack.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The one mapping of which action moves a patient's program where, and what counts as a safety action. */
class SuggestedActionTest {

    @ParameterizedTest
    @CsvSource({"PROGRESS_TO_DEEPER_STRETCHES, DEEPER", "ADD_STRENGTHENING, STRENGTHENING"})
    void progressionsMoveUpTheLadder(SuggestedAction action, Stage to) {
        assertThat(action.movesTo()).contains(to);
        assertThat(action.isProgression()).isTrue();
        assertThat(action.isSafety()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = SuggestedAction.class, names = {"KEEP_GOING", "IMPROVE_CONSISTENCY", "BACK_OFF", "SEE_A_PROFESSIONAL"})
    void theOtherActionsMoveNobody(SuggestedAction action) {
        assertThat(action.movesTo()).isEmpty();
        assertThat(action.isProgression()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"BACK_OFF, true", "SEE_A_PROFESSIONAL, true", "KEEP_GOING, false", "IMPROVE_CONSISTENCY, false",
            "PROGRESS_TO_DEEPER_STRETCHES, false", "ADD_STRENGTHENING, false"})
    void safetyActionsAreThoseAnsweringASign(SuggestedAction action, boolean safety) {
        assertThat(action.isSafety()).isEqualTo(safety);
    }

    @Test
    void noSafetyActionIsAProgression() {
        assertThat(Arrays.stream(SuggestedAction.values()).filter(SuggestedAction::isSafety))
                .noneMatch(SuggestedAction::isProgression);
    }

    @Test
    void everyProgressionLeadsToItsOwnStageAboveTheFirst() {
        assertThat(Arrays.stream(SuggestedAction.values()).flatMap(a -> a.movesTo().stream()))
                .isNotEmpty().allMatch(stage -> stage.isAbove(Stage.first())).doesNotHaveDuplicates();
    }

    @Test
    void fromAnyStageTheProgressionIsOne() {
        assertThat(Arrays.stream(Stage.values()).map(SuggestedAction::progressionFrom)).allMatch(SuggestedAction::isProgression);
    }

    @ParameterizedTest
    @CsvSource({"BASIC, PROGRESS_TO_DEEPER_STRETCHES", "DEEPER, ADD_STRENGTHENING",
            "STRENGTHENING, ADD_STRENGTHENING", "RECOVERY_TOOL, ADD_STRENGTHENING"})
    void theProgressionFromAStageMovesToTheNextOrKeepsAddingTheTop(Stage stage, SuggestedAction progression) {
        assertThat(SuggestedAction.progressionFrom(stage)).isEqualTo(progression);
    }

    @ParameterizedTest
    @EnumSource(SuggestedAction.class)
    void namesAreTheContractsSpelling(SuggestedAction action) {
        assertThat(SuggestedAction.named(action.name())).contains(action);
        assertThat(action.label()).isNotBlank();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"keep_going", "PROGRESS", "BACK_OFF "})
    void anythingElseNamesNoAction(String name) {
        assertThat(SuggestedAction.named(name)).isEmpty();
    }
}
