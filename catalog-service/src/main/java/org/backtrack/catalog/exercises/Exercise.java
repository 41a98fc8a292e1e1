package org.backtrack.catalog.exercises;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

/**
 * One exercise or recovery tool. Built-in entries have no {@code clinicId} and carry the
 * {@code contentVersion} of the data file they came from; clinic-made ones belong to one clinic and are visible
 * only to it. {@code version} grows with every write (it is the ETag); retired exercises stay readable by id,
 * for routines that used them, but leave every list.
 */
@Document("exercises")
public record Exercise(
        @Id String id,
        @Indexed String clinicId,
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
        Integer contentVersion,
        long version,
        boolean retired,
        @JsonIgnore boolean eventPending) {

    public boolean builtIn() {
        return clinicId == null;
    }

    /** The same exercise with its duration derived from its dosage, as stored and served. */
    public Exercise withDerivedDuration() {
        return new Exercise(id, clinicId, name, stage, kind, regions, equipment, timeOfDay, dosage,
                dosage.estimatedSeconds(), summary, steps, cues, cautions, stopIf, contraindications, progressions,
                regressions, contentVersion, version, retired, eventPending);
    }

    /** The next stored version: its number, and an event owed to {@code backtrack.catalog} in the same write. */
    public Exercise asVersion(long newVersion) {
        return new Exercise(id, clinicId, name, stage, kind, regions, equipment, timeOfDay, dosage, estimatedSeconds,
                summary, steps, cues, cautions, stopIf, contraindications, progressions, regressions, contentVersion,
                newVersion, retired, true);
    }

    public Exercise retire() {
        return new Exercise(id, clinicId, name, stage, kind, regions, equipment, timeOfDay, dosage, estimatedSeconds,
                summary, steps, cues, cautions, stopIf, contraindications, progressions, regressions, contentVersion,
                version + 1, true, true);
    }

    /** Built-in entries are visible to everyone; a clinic's own entries only to that clinic. */
    public boolean visibleTo(String callerClinicId) {
        return clinicId == null || clinicId.equals(callerClinicId);
    }
}
