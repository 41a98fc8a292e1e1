package org.backtrack.routine.composition;

import java.time.LocalDate;
import java.util.Set;

/**
 * What a routine must fit.
 *
 * @param timeOfDay       MORNING, EVENING or ANY
 * @param stage           a stage of the ladder ({@link org.backtrack.events.Stage}): the most advanced the routine may draw from
 * @param contraindications the patient's conditions (e.g. KNEE_PROBLEMS); exercises listing one are left out
 * @param excludedExercises ids the clinician ruled out
 * @param date            the day the routine is for: same input and day, same routine; another day, some variety
 */
public record CompositionRequest(String patientId, int minutes, String timeOfDay, Set<String> focusRegions,
                                 Set<String> availableEquipment, String stage, Set<String> contraindications,
                                 Set<String> excludedExercises, LocalDate date) {

    public static final int MIN_MINUTES = 5;
    public static final int MAX_MINUTES = 45;

    public CompositionRequest {
        focusRegions = focusRegions == null ? Set.of() : Set.copyOf(focusRegions);
        availableEquipment = availableEquipment == null ? Set.of() : Set.copyOf(availableEquipment);
        contraindications = contraindications == null ? Set.of() : Set.copyOf(contraindications);
        excludedExercises = excludedExercises == null ? Set.of() : Set.copyOf(excludedExercises);
    }

    public int budgetSeconds() {
        return minutes * 60;
    }
}
