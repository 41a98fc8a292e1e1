package org.backtrack.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Payload of {@value #TYPE} on {@link Topics#PROGRAMS}: the whole new state of one patient's program after a change
 * (stage, focus regions, progression proposals and their decisions), keyed by patient id. {@code version} grows with
 * every change of the program and decides which state is current: consumers keep the highest per (clinicId, patientId)
 * and ignore lower or equal ones, since delivery is at least once and a resend may arrive late.
 *
 * @param stage        a name of {@link Stage}'s ladder
 * @param focusRegions names of {@link Region}
 * @param proposals    the most recent proposals, oldest first, at most {@link #MAX_PROPOSALS}
 * @param changedBy    who made the change: a user's subject, or {@code progress-service} / {@code routine-service}
 * @param monitoringStart the first day of the patient's remote-monitoring periods as a clinician set it (a calendar date
 *                        in the clinic's time zone); null when not set (consumers then count from the first session).
 *                        Optional and additive: events written before it existed have none and stay valid.
 */
public record ProgramChanged(String clinicId, String patientId, String stage, List<String> focusRegions,
                             List<Proposal> proposals, String changedBy, Instant changedAt, long version,
                             LocalDate monitoringStart) {

    public static final String TYPE = "backtrack.program.changed.v1";
    /** How many proposals a program keeps and an event carries. */
    public static final int MAX_PROPOSALS = 20;

    public ProgramChanged {
        focusRegions = focusRegions == null ? List.of() : List.copyOf(focusRegions);
        proposals = proposals == null ? List.of() : List.copyOf(proposals);
    }

    /** A change without a monitoring start. */
    public ProgramChanged(String clinicId, String patientId, String stage, List<String> focusRegions,
                          List<Proposal> proposals, String changedBy, Instant changedAt, long version) {
        this(clinicId, patientId, stage, focusRegions, proposals, changedBy, changedAt, version, null);
    }

    /**
     * A progression proposal: raised by a progress event (its id is that event's id) or by the patient's feedback.
     *
     * @param action  the {@link SuggestedAction} that moves the patient, by name
     * @param toStage the stage it proposes, by name
     */
    public record Proposal(String id, String action, String toStage, List<String> exercises, String reason,
                           Instant raisedAt, ProposalDecision decision, String decidedBy, Instant decidedAt) {
        public Proposal {
            exercises = exercises == null ? List.of() : List.copyOf(exercises);
        }
    }
}
