package org.backtrack.routine.feedback;

import org.backtrack.events.ExerciseFeeling;
import org.backtrack.events.Stage;
import org.backtrack.routine.composition.CatalogEntry;
import org.backtrack.routine.composition.ExerciseAdjustment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides what an exercise found too easy {@link #RUN} sessions running (its newest entries, none of which hurt)
 * leads to: its progressions within the program's stage are offered in its place (it stays when none fits the
 * routine); when every progression lies beyond the stage, the step becomes a proposal for the clinician to move the
 * program to the stage of the nearest one, as plateau proposals do. Never while a red flag is open.
 */
public final class TooEasyProgressionPolicy {

    /** Sessions running: once can be a good day; three in a row is a dose the patient has outgrown. */
    public static final int RUN = 3;

    /**
     * A progression beyond the program's stage, for the clinician.
     *
     * @param proposalId the same for the same run of feedback, so a replay proposes it once
     * @param toStage    the stage the program would move to
     */
    public record StepBeyondStage(String proposalId, String exerciseId, String progressionId, Stage toStage, String reason) {
    }

    /** What the feedback offers: alternatives for the next routine, and steps beyond the stage to propose. */
    public record Outcome(List<ExerciseAdjustment> offered, List<StepBeyondStage> proposals) {
    }

    public Outcome decide(FeedbackHistory history, Map<String, CatalogEntry> catalog, String stage, String clinicId, String patientId) {
        List<ExerciseAdjustment> offered = new ArrayList<>();
        List<StepBeyondStage> proposals = new ArrayList<>();
        if (history.redFlagOpen()) {
            return new Outcome(offered, proposals); // safety first: nothing progresses until a clinician has seen it
        }
        // the request's stage of the ladder (the first without one); recovery tools sit beside it, never progressions
        Stage allowed = Stage.onLadderNamed(stage).orElse(Stage.first());
        for (ExerciseFeedback exercise : history.exercises()) {
            CatalogEntry entry = catalog.get(exercise.exerciseId());
            if (entry == null || !tooEasyRunning(exercise)) {
                continue;
            }
            List<CatalogEntry> progressions = entry.progressions().stream().map(catalog::get).filter(Objects::nonNull)
                    .filter(p -> Stage.onLadderNamed(p.stage()).isPresent() && !history.of(p.id()).hurtLastTime()).toList();
            String reason = "was too easy in the last " + RUN + " sessions";
            List<String> within = progressions.stream().filter(p -> !rung(p).isAbove(allowed)).map(CatalogEntry::id).toList();
            if (!within.isEmpty()) {
                offered.add(new ExerciseAdjustment(entry.id(), within, true, reason));
                continue;
            }
            progressions.stream().min(Comparator.comparingInt(p -> rung(p).rung())).ifPresent(next -> proposals.add(
                    new StepBeyondStage(proposalId(clinicId, patientId, entry.id(), exercise.entries().get(0).sessionId()),
                            entry.id(), next.id(), rung(next), entry.name() + " " + reason + "; its progression " + next.name()
                            + " belongs to the " + rung(next).label().toLowerCase() + " stage")));
        }
        return new Outcome(offered, proposals);
    }

    private static Stage rung(CatalogEntry entry) {
        return Stage.onLadderNamed(entry.stage()).orElseThrow();
    }

    /** The newest {@link #RUN} entries all say too easy and none says it hurt. */
    static boolean tooEasyRunning(ExerciseFeedback exercise) {
        List<FeedbackEntry> entries = exercise.entries();
        return entries.size() >= RUN && entries.subList(0, RUN).stream()
                .allMatch(e -> e.felt() == ExerciseFeeling.TOO_EASY && !e.hurt());
    }

    /** An identifier (it travels in the accept and decline paths), the same for the same run ending in the same session. */
    static String proposalId(String clinicId, String patientId, String exerciseId, String sessionId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(String.join("/", clinicId, patientId, exerciseId, sessionId)
                    .getBytes(StandardCharsets.UTF_8));
            return "feedback-" + HexFormat.of().formatHex(hash).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
