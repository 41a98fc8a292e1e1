package org.backtrack.routine.programs;

import org.backtrack.events.ProposalDecision;
import org.backtrack.events.Stage;
import org.backtrack.events.SuggestedAction;
import org.backtrack.routine.patients.PatientRecords;
import org.backtrack.routine.programs.rules.ProposalPolicy;
import org.backtrack.storage.GuardedWrite;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Reads and changes programs, one per patient of a clinic (keyed by clinicId and patientId, so every method takes
 * both and never touches another clinic's). Progress events become pending proposals (idempotent per event id); a
 * clinician accepts one (the stage moves) or declines it; a safety signal (back off, see a professional) withdraws it.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class PatientPrograms implements PatientRecords {

    /** Who changes a program on progress-service's suggestion. */
    private static final String PROGRESS_SERVICE = "progress-service";
    private static final int MAX_ATTEMPTS = 5;

    private final MongoOperations mongo;
    private final Announcements events;
    private final Clock clock = Clock.systemUTC();

    /** Where a freshly written version goes to have its owed event sent ({@link ProgramEvents}). */
    @FunctionalInterface
    interface Announcements {
        void announce(PatientProgram written);
    }

    /** The program of a patient of {@code clinicId}; the initial one when none is stored yet. */
    public PatientProgram of(String clinicId, String patientId) {
        PatientProgram stored = mongo.findById(PatientProgram.keyOf(clinicId, patientId), PatientProgram.class);
        return stored != null ? stored : PatientProgram.initial(clinicId, patientId);
    }

    @Override
    public boolean holdsAny(String clinicId, String patientId) {
        return mongo.exists(query(where("_id").is(PatientProgram.keyOf(clinicId, patientId))), PatientProgram.class);
    }

    public PatientProgram set(String clinicId, String patientId, String stage, Set<String> focus, String by) {
        return set(clinicId, patientId, stage, focus, null, by);
    }

    /**
     * Sets the stage, and the focus and monitoring start when given (null keeps the current ones); the caller has
     * checked the monitoring start ({@link org.backtrack.routine.programs.rules.MonitoringStartRule}).
     */
    public PatientProgram set(String clinicId, String patientId, String stage, Set<String> focus, LocalDate monitoringStart,
                              String by) {
        return change(clinicId, patientId, true,
                p -> p.with(stage, focus == null ? p.focusRegions() : Set.copyOf(focus), p.proposals(),
                        monitoringStart == null ? p.monitoringStart() : monitoringStart, by, clock.instant()));
    }

    /** Accepts or declines a proposal of this clinic's program of the patient; proposals elsewhere are not found. */
    public PatientProgram decide(String clinicId, String patientId, String proposalId, boolean accept, String by) {
        return change(clinicId, patientId, false, p -> {
            PatientProgram.Proposal proposal = p.proposals().stream().filter(x -> x.id().equals(proposalId)).findFirst()
                    .orElseThrow(() -> new ProposalNotFoundException(proposalId));
            if (proposal.decision() != ProposalDecision.PENDING) {
                throw new ProposalAlreadyDecidedException(proposal);
            }
            List<PatientProgram.Proposal> proposals = replace(p.proposals(), proposal.decide(
                    accept ? ProposalDecision.ACCEPTED : ProposalDecision.DECLINED, by, clock.instant()));
            return p.with(accept ? proposal.toStage() : p.stage(), p.focusRegions(), proposals, by, clock.instant());
        });
    }

    /** A suggestion progress-service published with a patient's status ({@code backtrack.progress.status-changed.v1}). */
    public record Suggestion(String eventId, String clinicId, String patientId, String action, List<String> exercises,
                             String reason) {
    }

    /**
     * Applies progress changes published by progress-service, in delivery order, as {@link ProposalPolicy} decides:
     * each patient's program is read and written once for all of theirs, with the outcome of one after another.
     */
    public void onProgress(List<Suggestion> suggestions) {
        Map<String, List<Suggestion>> byPatient = new LinkedHashMap<>();
        suggestions.forEach(s -> byPatient.computeIfAbsent(PatientProgram.keyOf(s.clinicId(), s.patientId()),
                k -> new ArrayList<>()).add(s));
        byPatient.values().forEach(ofOnePatient -> change(ofOnePatient.get(0).clinicId(), ofOnePatient.get(0).patientId(), true, p -> {
            PatientProgram next = p;
            for (Suggestion suggestion : ofOnePatient) {
                next = Objects.requireNonNullElse(afterSuggestion(next, suggestion), next);
            }
            return next == p ? null : next;
        }));
    }

    /** The program after one suggestion; null when it changes nothing. */
    private PatientProgram afterSuggestion(PatientProgram p, Suggestion suggestion) {
        var pending = p.pending();
        boolean applied = p.proposals().stream().anyMatch(x -> x.id().equals(suggestion.eventId()));
        ProposalPolicy.Decision decision = ProposalPolicy.onSuggestion(suggestion.action(), p.stage(), applied, pending.isPresent());
        List<PatientProgram.Proposal> proposals = new ArrayList<>(p.proposals());
        switch (decision.effect()) {
            case WITHDRAW_PENDING -> proposals = replace(proposals,
                    pending.orElseThrow().decide(ProposalDecision.WITHDRAWN, PROGRESS_SERVICE, clock.instant()));
            case PROPOSE -> proposals.add(new PatientProgram.Proposal(suggestion.eventId(), suggestion.action(),
                    decision.toStage().name(), suggestion.exercises(), suggestion.reason(), clock.instant(),
                    ProposalDecision.PENDING, null, null));
            case NOTHING -> {
                return null;
            }
        }
        return p.with(p.stage(), p.focusRegions(), proposals, PROGRESS_SERVICE, clock.instant());
    }

    /**
     * Proposes a stage the patient's feedback points to (an exercise found too easy whose progression lies beyond the
     * stage), as a plateau proposal is: pending until a clinician decides, once per {@code proposalId}, only to a
     * stage beyond the current one and only when no other proposal is pending.
     *
     * @return whether it was added now
     */
    public boolean proposeFromFeedback(String proposalId, String clinicId, String patientId, Stage toStage, List<String> exercises,
                                       String reason) {
        // the action that moves a patient to that stage, as a plateau proposal names it
        var action = Arrays.stream(SuggestedAction.values()).filter(a -> a.movesTo().filter(toStage::equals).isPresent()).findFirst();
        if (action.isEmpty()) {
            return false;
        }
        boolean[] added = {false};
        change(clinicId, patientId, true, p -> {
            boolean beyond = Stage.onLadderNamed(p.stage()).map(toStage::isAbove).orElse(true);
            if (p.proposals().stream().anyMatch(x -> x.id().equals(proposalId)) || !beyond || p.pending().isPresent()) {
                return null; // proposed already, already there, or one proposal at a time
            }
            List<PatientProgram.Proposal> proposals = new ArrayList<>(p.proposals());
            proposals.add(new PatientProgram.Proposal(proposalId, action.get().name(), toStage.name(), exercises, reason, clock.instant(),
                    ProposalDecision.PENDING, null, null));
            added[0] = true;
            return p.with(p.stage(), p.focusRegions(), proposals, ROUTINE_SERVICE, clock.instant());
        });
        return added[0];
    }

    /** Who raised a proposal from the patient's feedback per exercise. */
    static final String ROUTINE_SERVICE = "routine-service";

    private static List<PatientProgram.Proposal> replace(List<PatientProgram.Proposal> proposals, PatientProgram.Proposal changed) {
        return proposals.stream().map(x -> x.id().equals(changed.id()) ? changed : x).toList();
    }

    /**
     * Read, change in memory, write back guarded by the version read; a null change writes nothing. Without a stored
     * program, {@code createIfAbsent} starts from the initial one, else there is nothing to change. A written version
     * is announced on {@code backtrack.programs} at once, or left owed to the relay when the broker is away.
     */
    private PatientProgram change(String clinicId, String patientId, boolean createIfAbsent, UnaryOperator<PatientProgram> change) {
        PatientProgram[] written = {null};
        PatientProgram result = write(clinicId, patientId, createIfAbsent, current -> written[0] = change.apply(current));
        if (written[0] != null && Objects.equals(result.eventId(), written[0].eventId())) { // this call wrote a version
            events.announce(result);
        }
        return result;
    }

    private PatientProgram write(String clinicId, String patientId, boolean createIfAbsent, UnaryOperator<PatientProgram> change) {
        String key = PatientProgram.keyOf(clinicId, patientId);
        return GuardedWrite.retry(MAX_ATTEMPTS,
                () -> new IllegalStateException("program of " + patientId + " kept changing under concurrent updates"), () -> {
                    PatientProgram stored = mongo.findById(key, PatientProgram.class);
                    if (stored == null && !createIfAbsent) {
                        throw new ProposalNotFoundException("(patient " + patientId + " has no program)");
                    }
                    PatientProgram current = stored != null ? stored : PatientProgram.initial(clinicId, patientId);
                    PatientProgram next = change.apply(current);
                    if (next == null) {
                        return Optional.of(current);
                    }
                    if (stored == null) {
                        return GuardedWrite.insert(() -> mongo.insert(next));
                    }
                    var sameVersion = query(where("_id").is(key).and("version").is(stored.version()));
                    return Optional.ofNullable(mongo.findAndReplace(sameVersion, next)).map(replaced -> next);
                });
    }

    public static class ProposalNotFoundException extends RuntimeException {
        ProposalNotFoundException(String id) {
            super("No progression proposal " + id);
        }
    }

    public static class ProposalAlreadyDecidedException extends RuntimeException {
        ProposalAlreadyDecidedException(PatientProgram.Proposal proposal) {
            super("Proposal " + proposal.id() + " is already " + proposal.decision().name().toLowerCase()
                    + (proposal.decidedBy() == null ? "" : " by " + proposal.decidedBy()));
        }
    }
}
