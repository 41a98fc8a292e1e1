package org.backtrack.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Payload of the {@code backtrack.catalog} events, as consumers read them: the whole exercise for
 * {@value #UPSERTED}; for {@value #RETIRED} only its id, clinic and version, read as {@code retired}. Keyed by
 * exercise id; {@code version} grows with every write of the exercise and decides which state is current.
 * Stages, kinds, regions and the other catalog terms are carried as their names.
 *
 * @param clinicId null for built-in content, shared by every clinic; else the one clinic that may see it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CatalogExerciseChanged(
        String id,
        String clinicId,
        String name,
        String stage,
        String kind,
        List<String> regions,
        List<String> equipment,
        List<String> timeOfDay,
        Dosage dosage,
        List<String> cues,
        List<String> stopIf,
        List<String> contraindications,
        long version,
        boolean retired) {

    public static final String UPSERTED = "backtrack.catalog.exercise-upserted.v1";
    public static final String RETIRED = "backtrack.catalog.exercise-retired.v1";

    public CatalogExerciseChanged {
        regions = orEmpty(regions);
        equipment = orEmpty(equipment);
        timeOfDay = orEmpty(timeOfDay);
        cues = orEmpty(cues);
        stopIf = orEmpty(stopIf);
        contraindications = orEmpty(contraindications);
    }

    /** How much of the exercise, as catalog-service defines it. */
    public record Dosage(Integer holdSeconds, int reps, int sets, boolean perSide, Integer secondsPerRep, int restSeconds) {
    }

    /** Whether a clinic's caller may see it: built-in content, or the clinic's own. */
    public boolean visibleTo(String callerClinicId) {
        return clinicId == null || clinicId.equals(callerClinicId);
    }

    CatalogExerciseChanged asRetired() {
        return new CatalogExerciseChanged(id, clinicId, name, stage, kind, regions, equipment, timeOfDay, dosage, cues, stopIf,
                contraindications, version, true);
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
