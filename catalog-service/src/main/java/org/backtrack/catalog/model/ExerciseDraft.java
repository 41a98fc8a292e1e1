package org.backtrack.catalog.model;

import org.backtrack.events.Kind;
import org.backtrack.events.Region;
import org.backtrack.events.Stage;

import java.util.List;

/**
 * What a clinic sends to create or edit one of its exercises. {@code slug} is only read on creation (derived
 * from the name when absent); the stored id is {@code <clinicId>.<slug>}, unique across clinics.
 */
public record ExerciseDraft(
        String slug,
        String name,
        Stage stage,
        Kind kind,
        List<Region> regions,
        List<Equipment> equipment,
        List<TimeOfDay> timeOfDay,
        Dosage dosage,
        String summary,
        List<String> steps,
        List<String> cues,
        List<String> cautions,
        List<String> stopIf,
        List<Contraindication> contraindications,
        List<String> progressions,
        List<String> regressions) {

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** The exercise this draft describes, based on no content file version and owing no event yet. */
    public Exercise toExercise(String id, String clinicId, long version) {
        return new Exercise(id, clinicId, name.strip(), stage, kind, orEmpty(regions), orEmpty(equipment), orEmpty(timeOfDay),
                dosage, null, summary, orEmpty(steps), orEmpty(cues), orEmpty(cautions), orEmpty(stopIf),
                orEmpty(contraindications), orEmpty(progressions), orEmpty(regressions), null, version, false, null, null, null)
                .withDerivedDuration();
    }
}
