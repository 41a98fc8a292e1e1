package org.backtrack.routine.composition;

import java.util.ArrayList;
import java.util.List;

/**
 * A routine second by second: the exercises' {@link ExerciseTimeline} steps one after another, each with its start
 * offset and the texts a patient app speaks or shows, so the app needs no arithmetic of its own. The last step ends
 * at {@code totalSeconds}.
 */
public record RoutineTimeline(int totalSeconds, List<Step> steps) {

    /** One exercise as the timeline needs it. */
    public record Exercise(int order, String id, String name, ExerciseTimeline.Dosage dosage, int sets, List<String> cues,
                           List<String> stopIf) {

        public Exercise {
            cues = cues == null ? List.of() : List.copyOf(cues);
            stopIf = stopIf == null ? List.of() : List.copyOf(stopIf);
        }

        /** A planned item; {@code restSeconds} must be known (plans composed before it was kept take it from the catalog). */
        public static Exercise of(RoutinePlan.Item item, int restSeconds, List<String> cues, List<String> stopIf) {
            return new Exercise(item.order(), item.exerciseId(), item.name(), new ExerciseTimeline.Dosage(item.holdSeconds(),
                    item.secondsPerRep(), item.reps(), item.perSide(), restSeconds), item.sets(), cues, stopIf);
        }
    }

    /**
     * One step of the routine.
     *
     * @param cue the cue to speak or show: the exercise's cues in turn, one per hold or run of reps; a get-ready,
     *            switch or rest carries the cue of the work that follows it. Null when the catalog gives none.
     * @param sets the exercise's number of sets, for "set 2 of 3"
     */
    public record Step(int index, int startSeconds, int durationSeconds, ExerciseTimeline.StepKind kind,
                       ExerciseTimeline.Side side, Integer set, int sets, Integer count, Integer secondsPerRep,
                       int exerciseOrder, String exerciseId, String exerciseName, String cue, List<String> stopIf) {
    }

    public static RoutineTimeline of(List<Exercise> exercises) {
        List<Step> steps = new ArrayList<>();
        int clock = 0;
        for (Exercise exercise : exercises) {
            int workBefore = 0;
            for (ExerciseTimeline.Step step : ExerciseTimeline.steps(exercise.dosage(), exercise.sets())) {
                String cue = exercise.cues().isEmpty() ? null : exercise.cues().get(workBefore % exercise.cues().size());
                steps.add(new Step(steps.size(), clock, step.durationSeconds(), step.kind(), step.side(), step.set(),
                        exercise.sets(), step.count(), step.secondsPerRep(), exercise.order(), exercise.id(), exercise.name(),
                        cue, exercise.stopIf()));
                clock += step.durationSeconds();
                if (step.kind() == ExerciseTimeline.StepKind.HOLD || step.kind() == ExerciseTimeline.StepKind.REPS) {
                    workBefore++;
                }
            }
        }
        return new RoutineTimeline(clock, List.copyOf(steps));
    }
}
