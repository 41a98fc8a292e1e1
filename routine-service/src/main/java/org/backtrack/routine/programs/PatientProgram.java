package org.backtrack.routine.programs;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.backtrack.events.CloudEventFactory;
import org.backtrack.events.ProgramChanged;
import org.backtrack.events.ProposalDecision;
import org.backtrack.events.Stage;
import org.backtrack.outbox.Publication;
import org.backtrack.security.ClinicKeys;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A patient's program: the stage routines draw from, the focus regions, and the progression proposals that came
 * from progress-service. One document per patient of a clinic: every change is a single-document write guarded by
 * version, and owes its {@code backtrack.programs} event in that same write ({@code eventId}, {@code publication}: the
 * shared outbox), so no change is stored without its event being owed.
 *
 * @param key (clinicId, patientId) as {@link ClinicKeys#of}; storage only, not part of the API's answer
 * @param eventId     the id of the event this version owes; null for a program stored before programs were published
 * @param publication where that event stands; null (owes nothing) for a program stored before
 * @param monitoringStart the first day of the patient's 30-day monitoring periods as a clinician set it; null when not
 *                        set (progress-service then counts from the first session)
 */
@Document("programs")
public record PatientProgram(@JsonIgnore @Id String key, String patientId, String clinicId, String stage,
                             Set<String> focusRegions, List<Proposal> proposals, String updatedBy, Instant updatedAt,
                             long version, @JsonIgnore String eventId, @JsonIgnore @Indexed Publication publication,
                             LocalDate monitoringStart) {

    public static final int MAX_PROPOSALS_KEPT = ProgramChanged.MAX_PROPOSALS;

    /**
     * @param id          the id of the progress event that raised it (idempotency: one proposal per event)
     * @param action      the progression suggested (an action that moves a patient: {@link org.backtrack.events.SuggestedAction#movesTo()})
     * @param toStage     the stage it proposes
     */
    public record Proposal(String id, String action, String toStage, List<String> exercises, String reason, Instant raisedAt,
                           ProposalDecision decision, String decidedBy, Instant decidedAt) {

        Proposal decide(ProposalDecision outcome, String by, Instant at) {
            return new Proposal(id, action, toStage, exercises, reason, raisedAt, outcome, by, at);
        }
    }

    static String keyOf(String clinicId, String patientId) {
        return ClinicKeys.of(clinicId, patientId);
    }

    static PatientProgram initial(String clinicId, String patientId) {
        return new PatientProgram(keyOf(clinicId, patientId), patientId, clinicId, Stage.first().name(), Set.of(), List.of(), null, null, 0,
                null, null, null);
    }

    public Optional<Proposal> pending() {
        return proposals.stream().filter(p -> p.decision() == ProposalDecision.PENDING).findFirst();
    }

    PatientProgram with(String newStage, Set<String> newFocus, List<Proposal> newProposals, String by, Instant at) {
        return with(newStage, newFocus, newProposals, monitoringStart, by, at);
    }

    PatientProgram with(String newStage, Set<String> newFocus, List<Proposal> newProposals, LocalDate newMonitoringStart,
                        String by, Instant at) {
        List<Proposal> kept = new ArrayList<>(newProposals);
        while (kept.size() > MAX_PROPOSALS_KEPT) {
            kept.remove(0);
        }
        return new PatientProgram(key, patientId, clinicId, newStage, newFocus, List.copyOf(kept), by, at, version + 1,
                CloudEventFactory.newId(), Publication.PENDING, newMonitoringStart);
    }

    /** This version as {@code backtrack.programs} carries it. */
    ProgramChanged changed() {
        return new ProgramChanged(clinicId, patientId, stage, focusRegions.stream().sorted().toList(),
                proposals.stream().map(p -> new ProgramChanged.Proposal(p.id(), p.action(), p.toStage(), p.exercises(),
                        p.reason(), p.raisedAt(), p.decision(), p.decidedBy(), p.decidedAt())).toList(),
                updatedBy, updatedAt, version, monitoringStart);
    }
}
