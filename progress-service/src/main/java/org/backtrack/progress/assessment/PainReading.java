package org.backtrack.progress.assessment;

import java.time.Instant;

/** What one session says about the patient's pain, as the rules need it. */
public record PainReading(String sessionId, Instant completedAt, int painBefore, int painAfter,
                          boolean sharpPain, boolean redFlag) {

    public int relief() {
        return painBefore - painAfter;
    }
}
