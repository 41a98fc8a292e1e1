package org.backtrack.routine.composition;

import java.util.List;

/**
 * An ordered plan: warm-up first, holds next, strengthening last.
 *
 * @param totalSeconds what a patient following every step takes: the sum of the items' {@code seconds} and
 *                     {@code transitionSeconds}, equal to the end of the last step of the guided timeline
 * @param notes        anything the clinician should know, e.g. why the plan is shorter than the budget
 */
public record RoutinePlan(int budgetSeconds, int totalSeconds, List<Item> items, List<String> notes) {

    public enum Section { WARM_UP, HOLDS, STRENGTHENING }

    /**
     * One exercise of the plan with its dosage, its time and why it was chosen.
     *
     * @param seconds           the exercise from its first hold or rep to the end of its last set ({@link ExerciseTimeline})
     * @param transitionSeconds the get-ready before the exercise (the first one included). Plans composed before
     *                          the timing fix stored here the transition after the item (0 for the last) and
     *                          counted a rest between every rep in {@code seconds}.
     * @param restSeconds       the exercise's rest between sets; null in plans composed before it was kept
     * @param cues              the catalog's cues of the exercise when the plan was composed (empty in older plans)
     * @param stopIf            the catalog's stop-if signs of the exercise when the plan was composed (empty in older plans)
     */
    public record Item(int order, String exerciseId, String name, Section section, int sets, int reps, Integer holdSeconds,
                       Integer secondsPerRep, boolean perSide, int seconds, int transitionSeconds, String reason,
                       Integer restSeconds, List<String> cues, List<String> stopIf) {

        public Item {
            cues = cues == null ? List.of() : List.copyOf(cues);
            stopIf = stopIf == null ? List.of() : List.copyOf(stopIf);
        }
    }
}
