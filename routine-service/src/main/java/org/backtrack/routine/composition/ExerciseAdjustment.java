package org.backtrack.routine.composition;

import java.util.List;
import java.util.Objects;

/**
 * A change to one exercise that composition applies on top of the request, from the patient's feedback: use the first
 * of {@code instead} that fits the request in place of {@code exerciseId}; when none fits, leave the exercise out, or
 * keep it when {@code keepWhenNoneFits}.
 *
 * @param exerciseId       the exercise the feedback was about
 * @param instead          catalog ids to use in its place, best first (its regressions after pain, its progressions
 *                         when it was too easy); may be empty
 * @param keepWhenNoneFits an exercise found too easy stays when no progression fits; one that hurt never does
 * @param reason           why, in words, for the item's reason and the plan's notes
 */
public record ExerciseAdjustment(String exerciseId, List<String> instead, boolean keepWhenNoneFits, String reason) {

    public ExerciseAdjustment {
        Objects.requireNonNull(exerciseId, "exerciseId");
        instead = instead == null ? List.of() : List.copyOf(instead);
        Objects.requireNonNull(reason, "reason");
    }

    /** Leave the exercise out whatever else fits. */
    public static ExerciseAdjustment leaveOut(String exerciseId, String reason) {
        return new ExerciseAdjustment(exerciseId, List.of(), false, reason);
    }
}
