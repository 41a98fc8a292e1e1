package org.backtrack.routine.feedback;

import org.backtrack.routine.composition.CatalogEntry;
import org.backtrack.routine.composition.ExerciseAdjustment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every feedback rule in the order they apply ({@link #allCurrentPolicies()}): pain first, so an exercise that hurt is
 * never progressed, then too easy. What the next composition for a patient applies and what is proposed.
 */
public final class NextRoutineFeedback {

    private final HurtExercisePolicy hurt = new HurtExercisePolicy();
    private final TooEasyProgressionPolicy tooEasy = new TooEasyProgressionPolicy();

    /** The rules, named for what each decides. */
    public static List<String> allCurrentPolicies() {
        return List.of(HurtExercisePolicy.class.getSimpleName(), TooEasyProgressionPolicy.class.getSimpleName());
    }

    /** What the next routine changes, and the steps beyond the program's stage for the clinician. */
    public record Decision(List<ExerciseAdjustment> adjustments, List<TooEasyProgressionPolicy.StepBeyondStage> proposals) {
    }

    public Decision decide(FeedbackHistory history, List<CatalogEntry> catalog, String stage, String clinicId, String patientId) {
        Map<String, CatalogEntry> byId = catalog.stream().collect(Collectors.toMap(CatalogEntry::id, e -> e, (a, b) -> a));
        List<ExerciseAdjustment> adjustments = new ArrayList<>(hurt.decide(history, byId));
        Set<String> painful = adjustments.stream().map(ExerciseAdjustment::exerciseId).collect(Collectors.toSet());
        var outcome = tooEasy.decide(history, byId, stage, clinicId, patientId);
        outcome.offered().stream().filter(a -> !painful.contains(a.exerciseId())).forEach(adjustments::add);
        return new Decision(List.copyOf(adjustments), outcome.proposals().stream()
                .filter(p -> !painful.contains(p.exerciseId())).toList());
    }
}
