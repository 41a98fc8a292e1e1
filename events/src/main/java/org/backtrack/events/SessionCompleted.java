package org.backtrack.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * Payload of {@code backtrack.session.completed.v1}: one finished stretching session as the patient reported it.
 * Pain is on the 0..10 numeric rating scale (NPRS). {@code routineId}, {@code durationSeconds},
 * {@code exercises}, {@code flags} and {@code notes} may be absent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionCompleted(
        String sessionId,
        String clinicId,
        String patientId,
        String routineId,
        Instant completedAt,
        Integer durationSeconds,
        int painBefore,
        int painAfter,
        List<ExercisePerformed> exercises,
        SymptomFlags flags,
        String notes) {

    public static final String TYPE = "backtrack.session.completed.v1";

    public SessionCompleted {
        exercises = exercises == null ? null : List.copyOf(exercises);
    }

    /** Flags as reported, or all clear when the client sent none. */
    public SymptomFlags flagsOrNone() {
        return flags == null ? SymptomFlags.NONE : flags;
    }

    /** Within-session relief: how many points the session took off (negative when pain rose). */
    public int relief() {
        return painBefore - painAfter;
    }

    /**
     * One exercise of the session. {@code holdSeconds}, {@code reps} and the patient's feedback may be absent.
     *
     * @param felt how it felt (too easy, about right, too hard)
     * @param hurt the exercise hurt: the patient should not be given it again as it was, and the clinic is alerted
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ExercisePerformed(String exerciseId, Boolean completed, Integer holdSeconds, Integer reps,
                                    ExerciseFeeling felt, Boolean hurt) {

        /** An exercise without feedback. */
        public ExercisePerformed(String exerciseId, Boolean completed, Integer holdSeconds, Integer reps) {
            this(exerciseId, completed, holdSeconds, reps, null, null);
        }

        public boolean hurtReported() {
            return Boolean.TRUE.equals(hurt);
        }
    }

    /** Exercise ids that hurt in this session, in the order reported, each once. */
    public List<String> exercisesThatHurt() {
        return exercises == null ? List.of()
                : exercises.stream().filter(ExercisePerformed::hurtReported).map(ExercisePerformed::exerciseId).distinct().toList();
    }

    /** Symptoms the patient ticked; radiating pain, numbness and night pain are red flags. */
    public record SymptomFlags(boolean sharpPain, boolean radiatingPain, boolean numbness, boolean nightPain) {

        public static final SymptomFlags NONE = new SymptomFlags(false, false, false, false);

        public boolean anyRedFlag() {
            return radiatingPain || numbness || nightPain;
        }
    }
}
