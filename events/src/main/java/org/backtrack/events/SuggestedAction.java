package org.backtrack.events;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;

/**
 * What progress-service suggests for a patient (fixed by the architecture), with the words the dashboard shows and
 * the one mapping of which action moves a patient's program to which {@link Stage}: routine-service turns an action
 * that {@linkplain #movesTo() moves} into a proposal to that stage, and progress-service suggests, at a plateau, the
 * action that moves {@linkplain #progressionFrom the patient's stage} up. Safety wins: a {@linkplain #isSafety()
 * safety} action is never a progression and withdraws one that waits for a clinician.
 */
public enum SuggestedAction {

    KEEP_GOING("Keep going", null, false),
    IMPROVE_CONSISTENCY("Improve consistency", null, false),
    PROGRESS_TO_DEEPER_STRETCHES("Progress to deeper stretches", Stage.DEEPER, false),
    ADD_STRENGTHENING("Add strengthening", Stage.STRENGTHENING, false),
    BACK_OFF("Back off", null, true),
    SEE_A_PROFESSIONAL("See a professional", null, true);

    private final String label;
    private final Stage movesTo;
    private final boolean safety;

    SuggestedAction(String label, Stage movesTo, boolean safety) {
        if (movesTo != null && (safety || !movesTo.onLadder())) {
            throw new IllegalArgumentException(name() + ": only a progression moves a patient, and only up the ladder");
        }
        this.label = label;
        this.movesTo = movesTo;
        this.safety = safety;
    }

    /** The words a clinician reads. */
    public String label() {
        return label;
    }

    /** The stage this action proposes to move a patient's program to; empty for an action that moves nobody. */
    public Optional<Stage> movesTo() {
        return Optional.ofNullable(movesTo);
    }

    /** Whether this action proposes a move up the ladder. */
    public boolean isProgression() {
        return movesTo != null;
    }

    /** Whether this action answers a safety signal (pain rising, sharp pain, red flags): no progression while it stands. */
    public boolean isSafety() {
        return safety;
    }

    /**
     * The progression for a patient at {@code stage} who is ready to move on: the action moving to the nearest stage
     * above it; at the top of the ladder (or beside it), the action moving to the most advanced stage, so a patient
     * who has reached it is told to keep adding it.
     */
    public static SuggestedAction progressionFrom(Stage stage) {
        Comparator<SuggestedAction> byTarget = Comparator.comparingInt(a -> a.movesTo.rung());
        return Arrays.stream(values()).filter(SuggestedAction::isProgression)
                .filter(a -> a.movesTo.isAbove(stage)).min(byTarget)
                .or(() -> Arrays.stream(values()).filter(SuggestedAction::isProgression).max(byTarget))
                .orElseThrow(() -> new IllegalStateException("no action moves a patient up the ladder"));
    }

    /** The action of exactly this name; empty for anything else, null included. */
    public static Optional<SuggestedAction> named(String name) {
        return EnumNames.exactly(SuggestedAction.class, name);
    }
}
