package org.backtrack.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Payload of the {@code backtrack.catalog} events, as consumers read them: the whole exercise for
 * {@link CatalogEventTypes#UPSERTED}; for {@link CatalogEventTypes#RETIRED} only its id, clinic and version, read as {@code retired}. Keyed by
 * exercise id; {@code version} grows with every write of the exercise and decides which state is current.
 * Stages, kinds, regions and the other catalog terms are carried as their names; {@code progressions} and
 * {@code regressions} are the ids of the exercise's harder and easier alternatives.
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
        List<String> progressions,
        List<String> regressions,
        long version,
        boolean retired) {

    public CatalogExerciseChanged {
        regions = orEmpty(regions);
        equipment = orEmpty(equipment);
        timeOfDay = orEmpty(timeOfDay);
        cues = orEmpty(cues);
        stopIf = orEmpty(stopIf);
        contraindications = orEmpty(contraindications);
        progressions = orEmpty(progressions);
        regressions = orEmpty(regressions);
    }

    /** How much of the exercise, as catalog-service defines it. */
    public record Dosage(Integer holdSeconds, int reps, int sets, boolean perSide, Integer secondsPerRep, int restSeconds) {
    }

    /** Whether a clinic's caller may see it: built-in content, or the clinic's own. */
    public boolean visibleTo(String callerClinicId) {
        return clinicId == null || clinicId.equals(callerClinicId);
    }

    /** A retirement as it travels: only the exercise's id, clinic and version. */
    public static CatalogExerciseChanged retirement(String id, String clinicId, long version) {
        return new CatalogExerciseChanged(id, clinicId, null, null, null, null, null, null, null, null, null, null, null, null,
                version, true);
    }

    CatalogExerciseChanged asRetired() {
        return new CatalogExerciseChanged(id, clinicId, name, stage, kind, regions, equipment, timeOfDay, dosage, cues, stopIf,
                contraindications, progressions, regressions, version, true);
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
