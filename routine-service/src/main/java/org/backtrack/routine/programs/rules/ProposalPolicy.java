package org.backtrack.routine.programs.rules;

import org.backtrack.events.Stage;
import org.backtrack.events.SuggestedAction;

import java.util.Optional;

/**
 * What a suggestion published by progress-service does to a patient's program. A progression (an action that
 * {@linkplain SuggestedAction#movesTo() moves} a patient, by the contract's mapping) becomes a proposal a clinician
 * accepts or declines, only when it leads further up the ladder than the program stands and nothing else waits for
 * a decision (one proposal at a time); a safety action withdraws the proposal that waits (safety first); anything
 * else, an event already applied (a redelivery) or an action this service does not know, changes nothing.
 */
public final class ProposalPolicy {

    /** What to do with the program. */
    public enum Effect { NOTHING, PROPOSE, WITHDRAW_PENDING }

    /** @param toStage the stage proposed, only with {@link Effect#PROPOSE} */
    public record Decision(Effect effect, Stage toStage) {

        static final Decision NOTHING = new Decision(Effect.NOTHING, null);
        static final Decision WITHDRAW = new Decision(Effect.WITHDRAW_PENDING, null);

        public Optional<Stage> proposedStage() {
            return Optional.ofNullable(toStage);
        }
    }

    private ProposalPolicy() {
    }

    /**
     * @param action         the suggested action's name as published
     * @param programStage   the stage the program stands at (a name of the ladder)
     * @param alreadyApplied whether this event already raised a proposal of the program
     * @param pending        whether a proposal waits for a clinician's decision
     */
    public static Decision onSuggestion(String action, String programStage, boolean alreadyApplied, boolean pending) {
        Optional<SuggestedAction> suggested = SuggestedAction.named(action);
        if (alreadyApplied || suggested.isEmpty()) {
            return Decision.NOTHING;
        }
        Optional<Stage> toStage = suggested.get().movesTo();
        if (toStage.isEmpty()) {
            return pending && suggested.get().isSafety() ? Decision.WITHDRAW : Decision.NOTHING;
        }
        int standing = Stage.onLadderNamed(programStage).map(Stage::rung).orElse(-1);
        if (toStage.get().rung() <= standing || pending) {
            return Decision.NOTHING; // already there, or one proposal at a time
        }
        return new Decision(Effect.PROPOSE, toStage.get());
    }
}
