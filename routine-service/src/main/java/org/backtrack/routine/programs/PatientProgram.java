package org.backtrack.routine.programs;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A patient's program: the stage routines draw from, the focus regions, and the progression proposals that came
 * from progress-service. One document per patient: every change is a single-document write guarded by version.
 */
@Document("programs")
public record PatientProgram(@Id String patientId, String clinicId, String stage, Set<String> focusRegions,
                             List<Proposal> proposals, String updatedBy, Instant updatedAt, long version) {

    public static final int MAX_PROPOSALS_KEPT = 20;

    public enum Decision { PENDING, ACCEPTED, DECLINED, WITHDRAWN }

    /**
     * @param id          the id of the progress event that raised it (idempotency: one proposal per event)
     * @param action      PROGRESS_TO_DEEPER_STRETCHES or ADD_STRENGTHENING
     * @param toStage     the stage it proposes
     */
    public record Proposal(String id, String action, String toStage, List<String> exercises, String reason, Instant raisedAt,
                           Decision decision, String decidedBy, Instant decidedAt) {

        Proposal decide(Decision outcome, String by, Instant at) {
            return new Proposal(id, action, toStage, exercises, reason, raisedAt, outcome, by, at);
        }
    }

    public static PatientProgram initial(String patientId, String clinicId) {
        return new PatientProgram(patientId, clinicId, "BASIC", Set.of(), List.of(), null, null, 0);
    }

    public java.util.Optional<Proposal> pending() {
        return proposals.stream().filter(p -> p.decision() == Decision.PENDING).findFirst();
    }

    PatientProgram with(String newStage, Set<String> newFocus, List<Proposal> newProposals, String by, Instant at) {
        List<Proposal> kept = new ArrayList<>(newProposals);
        while (kept.size() > MAX_PROPOSALS_KEPT) {
            kept.remove(0);
        }
        return new PatientProgram(patientId, clinicId, newStage, newFocus, List.copyOf(kept), by, at, version + 1);
    }
}
