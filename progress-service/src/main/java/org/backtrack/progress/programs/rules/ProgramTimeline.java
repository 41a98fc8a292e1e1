package org.backtrack.progress.programs.rules;

import org.backtrack.events.ProgramChanged;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides how a program change extends a patient's program history, one history per (clinicId, patientId). Only a
 * newer version applies: a change whose {@code version} is not above the stored one (a redelivery, a resend that
 * arrived late, a replay) changes nothing, so applying any sequence of changes twice gives the same history. A newer
 * version replaces the current program (stage, focus, monitoring start, who and when) and, when its stage differs from
 * the stored one, adds a stage change dated by the event's {@code changedAt}. The first version seen also fixes the
 * starting stage and focus. The history keeps the latest {@value #MAX_STAGE_CHANGES} stage changes.
 */
public final class ProgramTimeline {

    /** Stage changes a history keeps (the oldest are dropped beyond it). */
    public static final int MAX_STAGE_CHANGES = 200;

    private ProgramTimeline() {
    }

    /** A stage change: from one stage to another at {@code at}, by the program's {@code version}. */
    public record StageChange(String fromStage, String toStage, Instant at, long version, String changedBy) {
    }

    /**
     * One patient's program history.
     *
     * @param id             the storage key, (clinicId, patientId)
     * @param firstVersion   the version of the first change seen (1: the history is complete from the program's start,
     *                       whose stage before it was routine-service's initial one)
     * @param startingStage  the stage of the first version seen
     * @param startingFocus  the focus regions of the first version seen (sorted)
     * @param firstChangedAt when the first version seen was made
     * @param stageChanges   stage changes, oldest first
     */
    public record History(String id, String clinicId, String patientId, long version, String stage, List<String> focusRegions,
                          LocalDate monitoringStart, String changedBy, Instant changedAt, long firstVersion, String startingStage,
                          List<String> startingFocus, Instant firstChangedAt, List<StageChange> stageChanges) {

        public History {
            focusRegions = focusRegions == null ? List.of() : List.copyOf(focusRegions);
            startingFocus = startingFocus == null ? List.of() : List.copyOf(startingFocus);
            stageChanges = stageChanges == null ? List.of() : List.copyOf(stageChanges);
        }

        /** The stage in effect at {@code at}: the last change at or before it; before any, the starting stage. */
        public String stageAt(Instant at) {
            String stage = startingStage;
            for (StageChange change : stageChanges) {
                if (change.at().isAfter(at)) {
                    break;
                }
                stage = change.toStage();
            }
            return stage;
        }
    }

    /**
     * @param stored the stored history, or null when there is none yet
     * @param key    the storage key of the change's clinic and patient
     * @return the history after the change, or empty when the change is not newer than what is stored
     */
    public static Optional<History> apply(History stored, String key, ProgramChanged change) {
        List<String> focus = change.focusRegions().stream().sorted().toList();
        if (stored == null) {
            return Optional.of(new History(key, change.clinicId(), change.patientId(), change.version(), change.stage(), focus,
                    change.monitoringStart(), change.changedBy(), change.changedAt(), change.version(), change.stage(), focus, change.changedAt(),
                    List.of()));
        }
        if (change.version() <= stored.version()) {
            return Optional.empty();
        }
        List<StageChange> changes = new ArrayList<>(stored.stageChanges());
        if (!Objects.equals(stored.stage(), change.stage())) {
            changes.add(new StageChange(stored.stage(), change.stage(), change.changedAt(), change.version(), change.changedBy()));
            while (changes.size() > MAX_STAGE_CHANGES) {
                changes.remove(0);
            }
        }
        return Optional.of(new History(stored.id(), stored.clinicId(), stored.patientId(), change.version(), change.stage(), focus,
                change.monitoringStart(), change.changedBy(), change.changedAt(), stored.firstVersion(), stored.startingStage(), stored.startingFocus(),
                stored.firstChangedAt(), changes));
    }
}
