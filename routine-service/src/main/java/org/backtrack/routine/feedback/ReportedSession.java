package org.backtrack.routine.feedback;

import org.backtrack.events.ExerciseFeeling;

import java.time.Instant;
import java.util.List;

/**
 * One version of a session as feedback needs it, from a {@code backtrack.session.completed.v1} event.
 *
 * @param version   orders versions of one session (the event's time, else when it was received): a correction
 *                  replaces an older version, an older one arriving later changes nothing
 * @param exercises every exercise of the session with its feedback (feeling and hurt may be absent)
 * @param redFlag   the session reported a red-flag symptom
 */
public record ReportedSession(String sessionId, Instant completedAt, Instant version, List<Exercise> exercises,
                              boolean redFlag) {

    public ReportedSession {
        exercises = exercises == null ? List.of() : List.copyOf(exercises);
    }

    public record Exercise(String exerciseId, ExerciseFeeling felt, boolean hurt) {
    }
}
