package org.backtrack.routine.composition;

import java.util.List;

/**
 * An ordered plan: warm-up first, holds next, strengthening last.
 *
 * @param totalSeconds all items plus the transitions between them
 * @param notes        anything the clinician should know, e.g. why the plan is shorter than the budget
 */
public record RoutinePlan(int budgetSeconds, int totalSeconds, List<Item> items, List<String> notes) {

    public enum Section { WARM_UP, HOLDS, STRENGTHENING }

    /** One exercise of the plan with its dosage, its time and why it was chosen. */
    public record Item(int order, String exerciseId, String name, Section section, int sets, int reps, Integer holdSeconds,
                       Integer secondsPerRep, boolean perSide, int seconds, int transitionSeconds, String reason) {
    }
}
