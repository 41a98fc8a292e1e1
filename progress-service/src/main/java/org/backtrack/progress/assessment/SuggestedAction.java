package org.backtrack.progress.assessment;

/** Fixed by the architecture. Safety wins: with red flags present the action is never a progression. */
public enum SuggestedAction {
    KEEP_GOING, IMPROVE_CONSISTENCY, PROGRESS_TO_DEEPER_STRETCHES, ADD_STRENGTHENING, BACK_OFF, SEE_A_PROFESSIONAL
}
