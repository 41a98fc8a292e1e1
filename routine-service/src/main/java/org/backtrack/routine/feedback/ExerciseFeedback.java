package org.backtrack.routine.feedback;

import java.util.List;

/**
 * The recent feedback on one exercise, newest first by {@code completedAt} (at most
 * {@link FeedbackHistory#MAX_ENTRIES_PER_EXERCISE}).
 */
public record ExerciseFeedback(String exerciseId, List<FeedbackEntry> entries) {

    public ExerciseFeedback {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    /** The newest entry said it hurt. */
    public boolean hurtLastTime() {
        return !entries.isEmpty() && entries.get(0).hurt();
    }
}
