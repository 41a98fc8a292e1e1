package org.backtrack.catalog.exercises;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

/**
 * One exercise or recovery tool. Built-in entries have no {@code clinicId} and carry the
 * {@code contentVersion} of the data file they came from.
 */
@Document("exercises")
public record Exercise(
        @Id String id,
        String clinicId,
        String name,
        Stage stage,
        Kind kind,
        List<Region> regions,
        List<Equipment> equipment,
        List<TimeOfDay> timeOfDay,
        Dosage dosage,
        Integer estimatedSeconds,
        String summary,
        List<String> steps,
        List<String> cues,
        List<String> cautions,
        List<String> stopIf,
        List<Contraindication> contraindications,
        List<String> progressions,
        List<String> regressions,
        Integer contentVersion) {

    public boolean builtIn() {
        return clinicId == null;
    }

    /** The same exercise with its duration derived from its dosage, as stored and served. */
    public Exercise withDerivedDuration() {
        return new Exercise(id, clinicId, name, stage, kind, regions, equipment, timeOfDay, dosage,
                dosage.estimatedSeconds(), summary, steps, cues, cautions, stopIf, contraindications, progressions,
                regressions, contentVersion);
    }
}
