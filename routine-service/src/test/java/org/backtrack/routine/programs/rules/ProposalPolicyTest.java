package org.backtrack.routine.programs.rules;

import org.backtrack.events.Stage;
import org.backtrack.events.SuggestedAction;
import org.backtrack.routine.programs.rules.ProposalPolicy.Effect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What a published suggestion does to a program: every action against every stage, with and without a pending proposal. */
class ProposalPolicyTest {

    @ParameterizedTest
    @CsvSource({
            "PROGRESS_TO_DEEPER_STRETCHES, BASIC,         PROPOSE, DEEPER",
            "ADD_STRENGTHENING,            BASIC,         PROPOSE, STRENGTHENING",
            "ADD_STRENGTHENING,            DEEPER,        PROPOSE, STRENGTHENING",
            "PROGRESS_TO_DEEPER_STRETCHES, DEEPER,        NOTHING, ",
            "PROGRESS_TO_DEEPER_STRETCHES, STRENGTHENING, NOTHING, ",
            "ADD_STRENGTHENING,            STRENGTHENING, NOTHING, ",
            "KEEP_GOING,                   BASIC,         NOTHING, ",
            "IMPROVE_CONSISTENCY,          DEEPER,        NOTHING, ",
            "BACK_OFF,                     BASIC,         NOTHING, ",
            "SEE_A_PROFESSIONAL,           STRENGTHENING, NOTHING, "})
    void withNothingPendingAProgressionUpTheLadderBecomesAProposal(String action, String stage, Effect effect, Stage to) {
        var decision = ProposalPolicy.onSuggestion(action, stage, false, false);
        assertThat(decision.effect()).isEqualTo(effect);
        assertThat(decision.toStage()).isEqualTo(to);
    }

    @ParameterizedTest
    @CsvSource({
            "BACK_OFF,                     WITHDRAW_PENDING",
            "SEE_A_PROFESSIONAL,           WITHDRAW_PENDING",
            "KEEP_GOING,                   NOTHING",
            "IMPROVE_CONSISTENCY,          NOTHING",
            "PROGRESS_TO_DEEPER_STRETCHES, NOTHING",
            "ADD_STRENGTHENING,            NOTHING"})
    void whileAProposalWaitsOnlyASafetyActionChangesAnything(String action, Effect effect) {
        assertThat(ProposalPolicy.onSuggestion(action, "BASIC", false, true).effect()).isEqualTo(effect);
    }

    @ParameterizedTest
    @EnumSource(SuggestedAction.class)
    void anEventAlreadyAppliedChangesNothing(SuggestedAction action) {
        for (boolean pending : new boolean[] {false, true}) {
            assertThat(ProposalPolicy.onSuggestion(action.name(), "BASIC", true, pending).effect()).isEqualTo(Effect.NOTHING);
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"GO_WILD", "back_off", "PROGRESS_TO_DEEPER_STRETCHES "})
    void anActionThisServiceDoesNotKnowChangesNothing(String action) {
        assertThat(ProposalPolicy.onSuggestion(action, "BASIC", false, true).effect()).isEqualTo(Effect.NOTHING);
        assertThat(ProposalPolicy.onSuggestion(action, "BASIC", false, false).effect()).isEqualTo(Effect.NOTHING);
    }

    @Test
    void aProgramAtAStageNotOnTheLadderMayBeProposedAnyStep() {
        var decision = ProposalPolicy.onSuggestion("PROGRESS_TO_DEEPER_STRETCHES", "UNKNOWN", false, false);
        assertThat(decision.effect()).isEqualTo(Effect.PROPOSE);
        assertThat(decision.proposedStage()).contains(Stage.DEEPER);
    }

    @Test
    void onlyAProposalNamesAStage() {
        assertThat(ProposalPolicy.onSuggestion("BACK_OFF", "DEEPER", false, true).proposedStage()).isEmpty();
        assertThat(ProposalPolicy.onSuggestion("KEEP_GOING", "DEEPER", false, false).proposedStage()).isEmpty();
    }
}
