package org.backtrack.routine.routines;

import org.backtrack.routine.catalog.CatalogAccess;
import org.backtrack.routine.composition.CatalogEntry;
import org.backtrack.routine.composition.RoutinePlan;
import org.backtrack.routine.composition.RoutineTimeline;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;

/**
 * The guided timeline of a stored routine. Routines keep the rests and texts of the catalog entries they were
 * composed from; those composed before that take them from the clinic's catalog view (fed by {@code backtrack.catalog}), never from a live call, so a
 * timeline is served while the catalog is down.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class GuidedTimelines {

    /** The rule every routine follows when the catalog names no stop signs for an exercise. */
    static final List<String> DEFAULT_STOP_IF = List.of("Sharp pain");

    /**
     * A routine second by second.
     *
     * @param plannedSeconds the stored plan's total; equal to {@code totalSeconds} for routines composed with the
     *                       current timing, larger for those composed before (they counted a rest between every rep)
     * @param totalSeconds   the end of the last step
     * @param notes          what the timeline had to assume, e.g. for an exercise the catalog view no longer holds
     */
    public record GuidedTimeline(String routineId, String patientId, int plannedSeconds, int totalSeconds,
                                 List<RoutineTimeline.Step> steps, List<String> notes) {
    }

    private final CatalogAccess catalog;

    public GuidedTimeline of(Routine routine) {
        List<String> notes = new ArrayList<>();
        List<RoutineTimeline.Exercise> exercises = new ArrayList<>();
        for (RoutinePlan.Item item : routine.plan().items()) {
            Integer rest = item.restSeconds();
            List<String> cues = item.cues();
            List<String> stopIf = item.stopIf();
            if (rest == null || cues.isEmpty() || stopIf.isEmpty()) { // composed before these were kept, or none given
                CatalogEntry entry = catalog.fromView(routine.clinicId(), item.exerciseId()).orElse(null);
                if (entry != null) {
                    rest = rest != null ? rest : entry.restSeconds();
                    cues = cues.isEmpty() ? entry.cues() : cues;
                    stopIf = stopIf.isEmpty() ? entry.stopIf() : stopIf;
                }
            }
            if (rest == null) {
                rest = 0;
                notes.add(item.name() + ": its rest between sets is no longer known, so the sets follow each other.");
            }
            exercises.add(RoutineTimeline.Exercise.of(item, rest, cues, stopIf.isEmpty() ? DEFAULT_STOP_IF : stopIf));
        }
        RoutineTimeline timeline = RoutineTimeline.of(exercises);
        if (timeline.totalSeconds() != routine.plan().totalSeconds()) {
            notes.add("Composed before the current timing: the plan says " + routine.plan().totalSeconds()
                    + " s, following these steps takes " + timeline.totalSeconds() + " s.");
        }
        return new GuidedTimeline(routine.id(), routine.patientId(), routine.plan().totalSeconds(), timeline.totalSeconds(),
                timeline.steps(), notes);
    }
}
