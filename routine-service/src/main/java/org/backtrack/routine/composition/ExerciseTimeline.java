package org.backtrack.routine.composition;

import java.util.ArrayList;
import java.util.List;

/**
 * How long one exercise takes, step by step, as a patient does it: the one timing rule of routine-service. The
 * composer budgets with it and the guided timeline is made of its steps, so the two cannot disagree.
 * <ul>
 *   <li>First a get-ready ({@value #GET_READY_SECONDS} s) to read the cue and get into position.</li>
 *   <li>A set is one work step per side: a hold (reps x hold seconds; a single hold for reps = 1) or a run of reps
 *       at the exercise's tempo. Reps follow each other without a rest: the return from one rep is part of the
 *       next, and a rest between swings would break a dynamic movement.</li>
 *   <li>Per-side exercises do the left side, switch sides ({@value #SWITCH_SIDES_SECONDS} s), then the right.</li>
 *   <li>The exercise's rest comes between sets, never after the last one.</li>
 * </ul>
 * So "Leg Swings, 10 reps per side at 3 s, rest 10 s" is 15 + 30 + 5 + 30 = 80 s, not 20 x 3 + 19 x 10 = 250 s.
 */
public final class ExerciseTimeline {

    public static final int GET_READY_SECONDS = 15;
    public static final int SWITCH_SIDES_SECONDS = 5;

    public enum Side { LEFT, RIGHT }

    /** What a step asks of the patient. A contract value of the timeline endpoint: add values, never rename them. */
    public enum StepKind {
        /** read the cue, get into position */
        GET_READY,
        /** hold still for {@code count} holds of {@code secondsPerRep} each (one hold when count is 1) */
        HOLD,
        /** move for {@code count} reps at {@code secondsPerRep} a rep */
        REPS,
        /** change to the other side */
        SWITCH_SIDES,
        /** rest between sets */
        REST
    }

    /** The dosage the timing depends on: hold seconds for holds, seconds per rep for moving reps. */
    public record Dosage(Integer holdSeconds, Integer secondsPerRep, int reps, boolean perSide, int restSeconds) {

        /** Seconds of one rep: its hold, or its tempo for a moving rep; 0 when the dosage gives neither. */
        int repSeconds() {
            return holdSeconds != null ? holdSeconds : secondsPerRep != null ? secondsPerRep : 0;
        }

        StepKind work() {
            return holdSeconds != null ? StepKind.HOLD : StepKind.REPS;
        }
    }

    /**
     * One step of an exercise.
     *
     * @param side  LEFT or RIGHT for work on one side, null otherwise
     * @param set   the set it belongs to (1-based); null for the get-ready
     * @param count holds or reps of a HOLD or REPS step, null for other kinds
     * @param secondsPerRep seconds of each hold or rep of a HOLD or REPS step, null for other kinds
     */
    public record Step(StepKind kind, Side side, Integer set, Integer count, Integer secondsPerRep, int durationSeconds) {
    }

    private ExerciseTimeline() {
    }

    /** The ordered steps of {@code sets} sets of an exercise, the get-ready first. Empty for no sets or no work. */
    public static List<Step> steps(Dosage dosage, int sets) {
        int work = Math.max(0, dosage.reps()) * dosage.repSeconds();
        if (sets < 1 || work <= 0) {
            return List.of();
        }
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(StepKind.GET_READY, null, null, null, null, GET_READY_SECONDS));
        List<Side> sides = dosage.perSide() ? List.of(Side.LEFT, Side.RIGHT) : java.util.Collections.singletonList(null);
        for (int set = 1; set <= sets; set++) {
            for (int s = 0; s < sides.size(); s++) {
                if (s > 0) {
                    steps.add(new Step(StepKind.SWITCH_SIDES, null, set, null, null, SWITCH_SIDES_SECONDS));
                }
                steps.add(new Step(dosage.work(), sides.get(s), set, dosage.reps(), dosage.repSeconds(), work));
            }
            if (set < sets && dosage.restSeconds() > 0) {
                steps.add(new Step(StepKind.REST, null, set, null, null, dosage.restSeconds()));
            }
        }
        return List.copyOf(steps);
    }

    /** Everything the exercise takes, the get-ready included: the sum of its steps. */
    public static int seconds(Dosage dosage, int sets) {
        return steps(dosage, sets).stream().mapToInt(Step::durationSeconds).sum();
    }

    /** The exercise without its get-ready: from the first hold or rep to the end of the last. */
    public static int workSeconds(Dosage dosage, int sets) {
        int all = seconds(dosage, sets);
        return all == 0 ? 0 : all - GET_READY_SECONDS;
    }
}
