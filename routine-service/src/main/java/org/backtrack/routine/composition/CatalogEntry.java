package org.backtrack.routine.composition;

import java.util.List;
import java.util.Set;

/**
 * What composition needs to know of a catalog exercise. Stage, kind and the rest are the names of the contract's
 * vocabulary ({@link org.backtrack.events.Stage}, {@link org.backtrack.events.Kind}, ...), kept as the catalog sent them.
 * {@code cues} and {@code stopIf} are the catalog's texts, carried into the plan for the guided timeline; copies
 * saved before they were kept have none (empty lists). {@code progressions} and {@code regressions} are the catalog's
 * harder and easier alternatives, which feedback per exercise draws on (empty when unknown).
 */
public record CatalogEntry(String id, String name, String stage, String kind, Set<String> regions, Set<String> equipment,
                           Set<String> timeOfDay, Integer holdSeconds, int reps, int sets, boolean perSide,
                           Integer secondsPerRep, int restSeconds, Set<String> contraindications,
                           List<String> cues, List<String> stopIf, List<String> progressions, List<String> regressions) {

    public CatalogEntry {
        cues = cues == null ? List.of() : List.copyOf(cues);
        stopIf = stopIf == null ? List.of() : List.copyOf(stopIf);
        progressions = progressions == null ? List.of() : List.copyOf(progressions);
        regressions = regressions == null ? List.of() : List.copyOf(regressions);
    }

    /** An entry without progressions or regressions (none known, as in copies saved before they were kept). */
    public CatalogEntry(String id, String name, String stage, String kind, Set<String> regions, Set<String> equipment,
                        Set<String> timeOfDay, Integer holdSeconds, int reps, int sets, boolean perSide,
                        Integer secondsPerRep, int restSeconds, Set<String> contraindications,
                        List<String> cues, List<String> stopIf) {
        this(id, name, stage, kind, regions, equipment, timeOfDay, holdSeconds, reps, sets, perSide, secondsPerRep,
                restSeconds, contraindications, cues, stopIf, List.of(), List.of());
    }

    /** The dosage the timing rule reads. */
    public ExerciseTimeline.Dosage dosage() {
        return new ExerciseTimeline.Dosage(holdSeconds, secondsPerRep, reps, perSide, restSeconds);
    }

    /** Everything {@code setCount} sets take, the get-ready included ({@link ExerciseTimeline}). */
    public int seconds(int setCount) {
        return ExerciseTimeline.seconds(dosage(), setCount);
    }
}
