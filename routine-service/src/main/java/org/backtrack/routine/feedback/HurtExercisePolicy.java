package org.backtrack.routine.feedback;

import org.backtrack.routine.composition.CatalogEntry;
import org.backtrack.routine.composition.ExerciseAdjustment;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides what the next routine does with an exercise whose latest feedback said it hurt (the facts sheet: stop on
 * sharp pain, never push through it): it is replaced by the first of the catalog's regressions of it that has not
 * hurt last time itself, or left out when none fits. It stays so until a later session reports the exercise without
 * pain (a clinician who puts it back into a routine decides that).
 */
public final class HurtExercisePolicy {

    public List<ExerciseAdjustment> decide(FeedbackHistory history, Map<String, CatalogEntry> catalog) {
        Set<String> hurt = history.exercises().stream().filter(ExerciseFeedback::hurtLastTime)
                .map(ExerciseFeedback::exerciseId).collect(Collectors.toSet());
        List<ExerciseAdjustment> adjustments = new ArrayList<>();
        for (ExerciseFeedback exercise : history.exercises()) {
            if (!exercise.hurtLastTime()) {
                continue;
            }
            CatalogEntry entry = catalog.get(exercise.exerciseId());
            List<String> regressions = entry == null ? List.of()
                    : entry.regressions().stream().filter(id -> !hurt.contains(id)).toList();
            String when = exercise.entries().get(0).completedAt().atZone(ZoneOffset.UTC).toLocalDate().toString();
            adjustments.add(new ExerciseAdjustment(exercise.exerciseId(), regressions, false, "hurt on " + when));
        }
        return adjustments;
    }
}
