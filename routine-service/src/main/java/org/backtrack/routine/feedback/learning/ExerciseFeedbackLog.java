package org.backtrack.routine.feedback.learning;

import org.backtrack.events.AlertRaised;
import org.backtrack.events.AlertResolved;
import org.backtrack.events.AlertType;
import org.backtrack.events.CloudEvent;
import org.backtrack.events.SessionCompleted;
import org.backtrack.routine.catalog.CatalogAccess;
import org.backtrack.routine.composition.CatalogEntry;
import org.backtrack.routine.composition.ExerciseAdjustment;
import org.backtrack.routine.feedback.FeedbackEntry;
import org.backtrack.routine.feedback.FeedbackHistory;
import org.backtrack.routine.feedback.NextRoutineFeedback;
import org.backtrack.routine.feedback.ReportedSession;
import org.backtrack.routine.feedback.TooEasyProgressionPolicy;
import org.backtrack.routine.patients.PatientRecords;
import org.backtrack.routine.programs.PatientPrograms;
import org.backtrack.storage.GuardedWrite;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Each patient's feedback per exercise, learnt from session events and red-flag alerts, and what it means for the
 * next routine ({@link NextRoutineFeedback}). A run of "too easy" whose progression lies beyond the program's stage
 * becomes a proposal on the patient's program as soon as the session completing it arrives.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ExerciseFeedbackLog implements PatientRecords {

    private static final int MAX_ATTEMPTS = 5;

    private final MongoOperations mongo;
    private final PatientPrograms programs;
    private final CatalogAccess catalog;
    private final NextRoutineFeedback rules = new NextRoutineFeedback();
    private final Clock clock = Clock.systemUTC();

    public FeedbackHistory history(String clinicId, String patientId) {
        PatientFeedback stored = mongo.findById(PatientFeedback.keyOf(clinicId, patientId), PatientFeedback.class);
        return stored == null ? FeedbackHistory.EMPTY : stored.history();
    }

    @Override
    public boolean holdsAny(String clinicId, String patientId) {
        return mongo.exists(query(where("_id").is(PatientFeedback.keyOf(clinicId, patientId))), PatientFeedback.class);
    }

    /** What the next routine changes for the patient, composed at {@code stage} from {@code entries}. */
    public NextRoutineFeedback.Decision nextRoutine(String clinicId, String patientId, String stage, List<CatalogEntry> entries) {
        return rules.decide(history(clinicId, patientId), entries, stage, clinicId, patientId);
    }

    /**
     * What a clinician reads: each exercise's recent feedback, newest first, with what the next routine does with it.
     *
     * @param redFlagOpen a red flag is open: nothing is progressed until a clinician has acknowledged it
     */
    public record View(String patientId, String stage, boolean redFlagOpen, List<ExerciseView> exercises) {
    }

    /**
     * @param name        the exercise's name in the catalog view; the id when the view has none
     * @param nextRoutine what the next routine does with it in words; null when nothing changes
     */
    public record ExerciseView(String exerciseId, String name, List<FeedbackEntry> entries, String nextRoutine) {
    }

    public View view(String clinicId, String patientId) {
        FeedbackHistory history = history(clinicId, patientId);
        Map<String, CatalogEntry> copy = catalog.fromView(clinicId);
        String stage = programs.of(clinicId, patientId).stage();
        var decision = rules.decide(history, List.copyOf(copy.values()), stage, clinicId, patientId);
        Map<String, String> next = new HashMap<>();
        for (ExerciseAdjustment a : decision.adjustments()) {
            String instead = a.instead().stream().map(id -> copy.containsKey(id) ? copy.get(id).name() : id).collect(Collectors.joining(" or "));
            next.put(a.exerciseId(), a.keepWhenNoneFits()
                    ? "It " + a.reason() + ": " + instead + " is offered in its place where it fits the routine."
                    : "It " + a.reason() + ": " + (instead.isEmpty() ? "left out of the next routines."
                    : "replaced by " + instead + ", else left out."));
        }
        decision.proposals().forEach(p -> next.put(p.exerciseId(), "Proposed to the clinician: " + p.reason() + "."));
        List<ExerciseView> exercises = history.exercises().stream().map(f -> new ExerciseView(f.exerciseId(),
                copy.containsKey(f.exerciseId()) ? copy.get(f.exerciseId()).name() : f.exerciseId(), f.entries(),
                next.get(f.exerciseId()))).toList();
        return new View(patientId, stage, history.redFlagOpen(), exercises);
    }

    /**
     * Session events (routine-service's own, or an integrator's) in delivery order: their feedback and red flags are
     * kept, replays change nothing. Each patient's history is read and written once for all of their sessions, and the
     * proposals are those the history after each session calls for, as if they had come one by one (a run of "too
     * easy" completed mid-batch is proposed even if a later session of the batch breaks it).
     */
    public void learnAll(List<CloudEvent<SessionCompleted>> events) {
        Map<String, List<CloudEvent<SessionCompleted>>> byPatient = new LinkedHashMap<>();
        events.forEach(e -> byPatient.computeIfAbsent(PatientFeedback.keyOf(e.data().clinicId(), e.data().patientId()),
                k -> new ArrayList<>()).add(e));
        byPatient.values().forEach(this::learnOfOnePatient);
    }

    private void learnOfOnePatient(List<CloudEvent<SessionCompleted>> events) {
        SessionCompleted first = events.get(0).data();
        List<ReportedSession> reported = events.stream().map(ExerciseFeedbackLog::reported).toList();
        List<FeedbackHistory> afterEach = new ArrayList<>(reported.size());
        change(first.clinicId(), first.patientId(), history -> {
            afterEach.clear(); // a lost race starts again from what the winner wrote
            FeedbackHistory next = history;
            for (ReportedSession session : reported) {
                next = next.withSession(session);
                afterEach.add(next);
            }
            return next;
        });
        List<FeedbackHistory> deciding = afterEach.stream().distinct()
                .filter(after -> !after.exercises().isEmpty() && !after.redFlagOpen()).toList();
        if (deciding.isEmpty()) {
            return;
        }
        // the catalog view (no live call from a consumer): before it holds the clinic's exercises, no proposal yet
        List<CatalogEntry> entries = List.copyOf(catalog.fromView(first.clinicId()).values());
        String stage = programs.of(first.clinicId(), first.patientId()).stage();
        Map<String, TooEasyProgressionPolicy.StepBeyondStage> proposals = new LinkedHashMap<>();
        for (FeedbackHistory after : deciding) {
            rules.decide(after, entries, stage, first.clinicId(), first.patientId()).proposals()
                    .forEach(step -> proposals.putIfAbsent(step.proposalId(), step));
        }
        proposals.values().forEach(step -> programs.proposeFromFeedback(step.proposalId(), first.clinicId(),
                first.patientId(), step.toStage(), List.of(step.progressionId()), step.reason()));
    }

    private static ReportedSession reported(CloudEvent<SessionCompleted> event) {
        SessionCompleted session = event.data();
        List<ReportedSession.Exercise> exercises = new ArrayList<>();
        if (session.exercises() != null) {
            session.exercises().forEach(e -> exercises.add(new ReportedSession.Exercise(e.exerciseId(), e.felt(), e.hurtReported())));
        }
        return new ReportedSession(session.sessionId(), session.completedAt(),
                Objects.requireNonNullElse(event.time(), session.completedAt()), exercises, session.flagsOrNone().anyRedFlag());
    }

    /** A red-flag alert raised or resolved by progress-service; alerts of other types are not kept. */
    public void redFlagRaised(AlertRaised alert) {
        if (alert.type() == AlertType.RED_FLAG_SYMPTOM) {
            change(alert.clinicId(), alert.patientId(), h -> h.withRedFlagRaised(alert.alertId(), alert.sessionId(),
                    Objects.requireNonNullElse(alert.occurredAt(), clock.instant())));
        }
    }

    public void redFlagResolved(AlertResolved alert) {
        if (alert.type() == AlertType.RED_FLAG_SYMPTOM) {
            change(alert.clinicId(), alert.patientId(), h -> h.withRedFlagResolved(alert.alertId(),
                    Objects.requireNonNullElse(alert.resolvedAt(), clock.instant())));
        }
    }

    /** Read, change in memory, write back guarded by the version read; an unchanged history writes nothing. */
    private FeedbackHistory change(String clinicId, String patientId, UnaryOperator<FeedbackHistory> change) {
        String key = PatientFeedback.keyOf(clinicId, patientId);
        return GuardedWrite.retry(MAX_ATTEMPTS,
                () -> new IllegalStateException("feedback of " + patientId + " kept changing under concurrent updates"), () -> {
                    PatientFeedback stored = mongo.findById(key, PatientFeedback.class);
                    PatientFeedback current = stored != null ? stored : PatientFeedback.initial(clinicId, patientId);
                    FeedbackHistory next = change.apply(current.history());
                    if (next.equals(current.history())) {
                        return Optional.of(next);
                    }
                    if (stored == null) {
                        return GuardedWrite.insert(() -> mongo.insert(current.with(next))).map(PatientFeedback::history);
                    }
                    var sameVersion = query(where("_id").is(key).and("version").is(stored.version()));
                    return Optional.ofNullable(mongo.findAndReplace(sameVersion, current.with(next))).map(replaced -> next);
                });
    }
}
