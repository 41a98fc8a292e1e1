package org.backtrack.catalog.model;

import org.backtrack.events.Kind;
import org.backtrack.events.Region;
import org.backtrack.events.Stage;
import org.backtrack.events.CloudEventFactory;
import org.backtrack.outbox.Publication;

import java.time.Instant;
import java.util.List;

/**
 * One exercise or recovery tool. Built-in entries have no {@code clinicId} and carry the {@code contentVersion} of the
 * content file their text is based on (kept by an administrator's edit; none for entries an administrator created);
 * clinic-made ones belong to one clinic and are visible only to it. {@code version} grows with every write (it is the
 * ETag); retired exercises stay readable by id, for routines that used them, but leave every list.
 * <p>
 * Every version owes one event on {@code backtrack.catalog} ({@code eventId}, {@code changedAt}, {@code publication}),
 * written in the same single-document write as the version itself: the outbox of {@code org.backtrack.outbox}. That
 * bookkeeping is never shown to clients or consumers ({@code org.backtrack.catalog.ExerciseJson}); how the record is
 * stored is the storage package's business.
 */
public record Exercise(
        String id,
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
        Integer contentVersion,
        long version,
        boolean retired,
        String eventId,
        Instant changedAt,
        Publication publication) {

    public boolean builtIn() {
        return clinicId == null;
    }

    /** The same exercise with its duration derived from its dosage, as stored and served. */
    public Exercise withDerivedDuration() {
        return new Exercise(id, clinicId, name, stage, kind, regions, equipment, timeOfDay, dosage,
                dosage.estimatedSeconds(), summary, steps, cues, cautions, stopIf, contraindications, progressions,
                regressions, contentVersion, version, retired, eventId, changedAt, publication);
    }

    /** The next stored version: its number, and a new event owed to {@code backtrack.catalog} in the same write. */
    public Exercise asVersion(long newVersion, Instant at) {
        return new Exercise(id, clinicId, name, stage, kind, regions, equipment, timeOfDay, dosage, estimatedSeconds,
                summary, steps, cues, cautions, stopIf, contraindications, progressions, regressions, contentVersion,
                newVersion, retired, CloudEventFactory.newId(), at, Publication.PENDING);
    }

    /** The same text, based on another content file version. */
    public Exercise basedOnContent(Integer newContentVersion) {
        return new Exercise(id, clinicId, name, stage, kind, regions, equipment, timeOfDay, dosage, estimatedSeconds,
                summary, steps, cues, cautions, stopIf, contraindications, progressions, regressions, newContentVersion,
                version, retired, eventId, changedAt, publication);
    }

    /** The same text, retired or not. */
    public Exercise withRetired(boolean isRetired) {
        return new Exercise(id, clinicId, name, stage, kind, regions, equipment, timeOfDay, dosage, estimatedSeconds,
                summary, steps, cues, cautions, stopIf, contraindications, progressions, regressions, contentVersion,
                version, isRetired, eventId, changedAt, publication);
    }

    /** Its retired next version, owing the retirement event. */
    public Exercise retire(Instant at) {
        return withRetired(true).asVersion(version + 1, at);
    }

    /** Built-in entries are visible to everyone; a clinic's own entries only to that clinic. */
    public boolean visibleTo(String callerClinicId) {
        return clinicId == null || clinicId.equals(callerClinicId);
    }
}
