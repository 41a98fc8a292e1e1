package org.backtrack.progress.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a red flag (pain down the leg, numbness, night pain) is shown: from the calendar day the service
 * could first know it ({@link PainReading#knownAt()}: the later of its completion and its recording) through the
 * {@link #SHOWN_DAYS} − 1 days after. An app that syncs a red-flag session days late must not hide it: it is shown
 * for the full two weeks from the day it arrives, not only for what remains of two weeks after it happened. The
 * recording time is stored with the session, so rebuilds and replays decide the same.
 */
public final class RedFlagRule {

    /** Two weeks: time for a clinician to act on it (ProgressAssessor.RED_FLAG_LOOKBACK). */
    public static final int SHOWN_DAYS = (int) ProgressAssessor.RED_FLAG_LOOKBACK.toDays();

    private RedFlagRule() {
    }

    /** The latest (by completion) red-flag reading shown as of {@code now}, if any, in UTC days. */
    public static Optional<PainReading> shown(List<PainReading> readings, Instant now) {
        return shown(readings, now, CalendarDays.UTC);
    }

    /** The latest (by completion) red-flag reading shown as of {@code now}, if any, days counted by {@code calendar}. */
    public static Optional<PainReading> shown(List<PainReading> readings, Instant now, CalendarDays calendar) {
        LocalDate today = calendar.dayOf(now);
        PainReading shown = null;
        for (PainReading r : readings) {
            if (r.redFlag() && isShown(r, today, calendar) && (shown == null || !r.completedAt().isBefore(shown.completedAt()))) {
                shown = r;
            }
        }
        return Optional.ofNullable(shown);
    }

    static boolean isShown(PainReading reading, LocalDate today) {
        return isShown(reading, today, CalendarDays.UTC);
    }

    static boolean isShown(PainReading reading, LocalDate today, CalendarDays calendar) {
        LocalDate known = calendar.dayOf(reading.knownAt());
        return known.isAfter(today.minusDays(SHOWN_DAYS));
    }
}
