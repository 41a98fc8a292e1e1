package org.backtrack.progress.assessment;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/**
 * How many of the prescribed sessions the patient did: in the seven days up to an instant, and per week over the
 * four weeks up to it. Needs only the completion times of the last four weeks, so it can be answered at read time
 * from stored times. The days are calendar days of the clinic ({@link CalendarDays}): "the seven days up to now"
 * begin at the same local time seven days earlier, 167 or 169 hours before across a daylight-saving change.
 */
public final class WeeklyAdherence {

    /** The longest look back: completion times older than this before an instant never count (one extra hour of a DST change aside). */
    public static final Duration LOOKBACK = Duration.ofDays(28);
    private static final int WEEK_DAYS = 7;
    private static final int LOOKBACK_DAYS = (int) LOOKBACK.toDays();

    private WeeklyAdherence() {
    }

    /** In UTC days. */
    public static Assessment.Adherence of(Collection<Instant> completions, Instant now, int prescribedPerWeek) {
        return of(completions, now, prescribedPerWeek, CalendarDays.UTC);
    }

    public static Assessment.Adherence of(Collection<Instant> completions, Instant now, int prescribedPerWeek,
                                          CalendarDays calendar) {
        Instant weekFrom = calendar.daysBefore(now, WEEK_DAYS);
        Instant lookbackFrom = calendar.daysBefore(now, LOOKBACK_DAYS);
        long last7 = completions.stream().filter(at -> within(at, weekFrom, now)).count();
        long last28 = completions.stream().filter(at -> within(at, lookbackFrom, now)).count();
        double ratio = Math.min(1.0, (double) last7 / prescribedPerWeek);
        return new Assessment.Adherence((int) last7, prescribedPerWeek, TrendAnalysis.round(ratio), TrendAnalysis.round(last28 / 4.0));
    }

    private static boolean within(Instant at, Instant from, Instant now) {
        return at.isAfter(from) && !at.isAfter(now);
    }
}
