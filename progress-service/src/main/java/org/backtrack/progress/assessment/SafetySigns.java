package org.backtrack.progress.assessment;

import java.util.List;

/**
 * What the latest session shows that calls for backing off rather than progressing: sharp pain, or pain before the
 * session risen suddenly since the previous one (by {@link ProgressAssessor#SPIKE_RISE} points or more while still
 * below {@link ProgressAssessor#SPIKE_LEVEL}; a level of 7 or more is a spike too, but not a sudden rise). Decided from
 * the readings, as typed values; the alerts' messages only put them into words.
 */
record SafetySigns(boolean sharpPain, boolean suddenRise) {

    static final SafetySigns NONE = new SafetySigns(false, false);

    /** The signs of the latest of these readings (oldest first); none without readings. */
    static SafetySigns of(List<PainReading> recent) {
        if (recent.isEmpty()) {
            return NONE;
        }
        return new SafetySigns(recent.get(recent.size() - 1).sharpPain(), suddenRise(recent));
    }

    /** Whether pain before the latest session rose suddenly (see above). */
    static boolean suddenRise(List<PainReading> recent) {
        return recent.size() > 1 && recent.get(recent.size() - 1).painBefore() < ProgressAssessor.SPIKE_LEVEL
                && rise(recent) >= ProgressAssessor.SPIKE_RISE;
    }

    /** Points pain before the latest session rose since the one before (negative when it fell); 0 with one reading. */
    static int rise(List<PainReading> recent) {
        return recent.size() < 2 ? 0
                : recent.get(recent.size() - 1).painBefore() - recent.get(recent.size() - 2).painBefore();
    }
}
