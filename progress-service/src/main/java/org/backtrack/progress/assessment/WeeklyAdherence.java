package org.backtrack.progress.assessment;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/**
 * How many of the prescribed sessions the patient did: in the seven days up to an instant, and per week over the
 * four weeks up to it. Needs only the completion times of the last four weeks, so it can be answered at read time
 * from stored times.
 */
public final class WeeklyAdherence {

    /** The longest look back: completion times older than this before an instant never count. */
    public static final Duration LOOKBACK = Duration.ofDays(28);
    private static final Duration WEEK = Duration.ofDays(7);

    private WeeklyAdherence() {
    }

    public static Assessment.Adherence of(Collection<Instant> completions, Instant now, int prescribedPerWeek) {
        long last7 = completions.stream().filter(at -> within(at, now, WEEK)).count();
        long last28 = completions.stream().filter(at -> within(at, now, LOOKBACK)).count();
        double ratio = Math.min(1.0, (double) last7 / prescribedPerWeek);
        return new Assessment.Adherence((int) last7, prescribedPerWeek, TrendAnalysis.round(ratio), TrendAnalysis.round(last28 / 4.0));
    }

    private static boolean within(Instant at, Instant now, Duration period) {
        return at.isAfter(now.minus(period)) && !at.isAfter(now);
    }
}
