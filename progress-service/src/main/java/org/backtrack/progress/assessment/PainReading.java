package org.backtrack.progress.assessment;

import java.time.Instant;
import java.util.List;

/**
 * What one session says about the patient's pain, as the rules need it.
 *
 * @param exerciseIds the catalog ids the patient did, to infer the stage and focus of the current routine
 * @param recordedAt  when progress-service recorded this version of the session (its stored {@code recordedAt});
 *                    null when unknown, then taken as {@code completedAt}. A session an app syncs days late is
 *                    recorded days after it was completed: its red flag can only be shown from then on
 *                    ({@link #knownAt()}, {@link RedFlagRule})
 */
public record PainReading(String sessionId, Instant completedAt, int painBefore, int painAfter,
                          boolean sharpPain, boolean redFlag, List<String> exerciseIds, Instant recordedAt) {

    public PainReading {
        exerciseIds = exerciseIds == null ? List.of() : List.copyOf(exerciseIds);
    }

    public PainReading(String sessionId, Instant completedAt, int painBefore, int painAfter, boolean sharpPain,
                       boolean redFlag, List<String> exerciseIds) {
        this(sessionId, completedAt, painBefore, painAfter, sharpPain, redFlag, exerciseIds, null);
    }

    public PainReading(String sessionId, Instant completedAt, int painBefore, int painAfter, boolean sharpPain, boolean redFlag) {
        this(sessionId, completedAt, painBefore, painAfter, sharpPain, redFlag, List.of(), null);
    }

    public int relief() {
        return painBefore - painAfter;
    }

    /**
     * The first instant the service could show what this session says: the later of its completion and its
     * recording. A deterministic function of the stored session, so rebuilds and replays agree.
     */
    public Instant knownAt() {
        return recordedAt == null || recordedAt.isBefore(completedAt) ? completedAt : recordedAt;
    }

    /** The same reading with its exercise ids replaced (the read model keeps only some). */
    PainReading withExerciseIds(List<String> ids) {
        return new PainReading(sessionId, completedAt, painBefore, painAfter, sharpPain, redFlag, ids, recordedAt);
    }

    /** The same reading as recorded at {@code at}. */
    public PainReading withRecordedAt(Instant at) {
        return new PainReading(sessionId, completedAt, painBefore, painAfter, sharpPain, redFlag, exerciseIds, at);
    }
}
