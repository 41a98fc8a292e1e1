package org.backtrack.progress.assessment;

import java.time.Instant;
import java.util.List;

/**
 * What one session says about the patient's pain, as the rules need it.
 *
 * @param exerciseIds the catalog ids the patient did, to infer the stage and focus of the current routine
 */
public record PainReading(String sessionId, Instant completedAt, int painBefore, int painAfter,
                          boolean sharpPain, boolean redFlag, List<String> exerciseIds) {

    public PainReading {
        exerciseIds = exerciseIds == null ? List.of() : List.copyOf(exerciseIds);
    }

    public PainReading(String sessionId, Instant completedAt, int painBefore, int painAfter, boolean sharpPain, boolean redFlag) {
        this(sessionId, completedAt, painBefore, painAfter, sharpPain, redFlag, List.of());
    }

    public int relief() {
        return painBefore - painAfter;
    }
}
