package org.backtrack.routine.feedback;

import org.backtrack.events.ExerciseFeeling;

import java.time.Instant;

/**
 * What the patient said of one exercise in one session.
 *
 * @param felt null when the patient did not say
 */
public record FeedbackEntry(String sessionId, Instant completedAt, ExerciseFeeling felt, boolean hurt) {
}
