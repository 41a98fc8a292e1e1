package org.backtrack.progress.assessment;

/**
 * Decides whether the sessions have stopped bringing relief: the facts sheet's cue that the basics have become second
 * nature ("they may stop bringing relief"), and so a sign that a flattening pain is a plateau rather than noise.
 * <p>
 * Relief has faded, as of a day, when a session of the last {@link #RECENT_DAYS} days brought no relief at all
 * ({@link #noRelief}: pain before at least {@link #MIN_PAIN_FOR_RELIEF} and pain after no lower) while the patient's
 * own first week showed that their sessions do bring relief: a mean relief of at least {@link #MIN_BASELINE_RELIEF}
 * point and not one session without relief. It is a change from the patient's own pattern, so a patient whose
 * sessions never brought much relief is never called "faded".
 */
public final class ReliefFading {

    /** Below 2/10 there is little to relieve: a session at 0 or 1 that brings no relief says nothing. */
    public static final int MIN_PAIN_FOR_RELIEF = 2;
    public static final double MIN_BASELINE_RELIEF = 1.0;
    public static final int RECENT_DAYS = 7;

    private ReliefFading() {
    }

    /** A session that started with pain to relieve and ended no lower. */
    public static boolean noRelief(PainReading reading) {
        return reading.painBefore() >= MIN_PAIN_FOR_RELIEF && reading.relief() <= 0;
    }

    /** Whether relief has faded as of {@code day} (an epoch day), from the days of a window. */
    static boolean asOf(PainDays days, long day) {
        if (days.baselineSessions == 0 || days.baselineRelief < MIN_BASELINE_RELIEF || days.baselineNoRelief > 0) {
            return false;
        }
        for (int i = days.indexUpTo(day); i >= 0 && days.days[i] > day - RECENT_DAYS; i--) {
            if (days.noRelief[i] > 0) {
                return true;
            }
        }
        return false;
    }
}
