package org.backtrack.progress.assessment;

import org.backtrack.events.ProgressStatus;

import static org.backtrack.progress.assessment.TrendEvidence.Evidence;

/**
 * Decides the status shown from the trend evidence of the patient's last days, so that it changes only on clear
 * evidence (hysteresis) while staying a function of the stored sessions alone: the evidence of each session day of
 * the last {@link #LOOKBACK_DAYS} days before the latest is judged again from the same window, as of that day, and
 * folded in order. A rebuild, a replay and the live consumer therefore always agree, and the work per assessment is
 * bounded (at most {@code LOOKBACK_DAYS + 1} days, each on a bounded window).
 * <ul>
 *   <li>too early, recovered and rising ({@code WORSENING}) are shown at once, never held back;</li>
 *   <li>once shown, {@code WORSENING} and {@code RECOVERED} stay through the next {@link #LOOKBACK_DAYS} days unless the
 *       evidence turns (falling ends {@code WORSENING}; rising or too early ends {@code RECOVERED}): a rise or a recovery
 *       is not undone by one flat or unclear day;</li>
 *   <li>stopped falling makes the status {@code PLATEAU};</li>
 *   <li>falling makes it {@code IMPROVING}, except that a {@code PLATEAU} reached on evidence needs a significant fall
 *       on two session days in a row, or a clear fall once, to end;</li>
 *   <li>an unclear day keeps a status reached on evidence; otherwise (the first day of the look-back, or after a day
 *       that was too early) it shows what the series leans to.</li>
 * </ul>
 * Red flags are decided before this ({@link RedFlagRule}).
 */
final class StatusHysteresis {

    /** Days before the latest whose evidence is folded in (their session days), and how long a rise or recovery holds. */
    static final int LOOKBACK_DAYS = 7;

    private StatusHysteresis() {
    }

    /** The status as of the latest day of {@code days}. */
    static ProgressStatus status(PainDays days) {
        if (days.isEmpty()) {
            return ProgressStatus.INSUFFICIENT_DATA;
        }
        long latest = days.lastDay();
        ProgressStatus status = null;
        boolean onEvidence = false;
        boolean fellBefore = false;
        long since = Long.MIN_VALUE; // the last day that showed WORSENING or RECOVERED on its own evidence
        for (int i = days.indexAfter(latest - LOOKBACK_DAYS - 1); i < days.days.length; i++) {
            long day = days.days[i];
            Evidence e = TrendEvidence.asOf(days, day);
            boolean falling = e == Evidence.FALLING_WEAKLY || e == Evidence.FALLING || e == Evidence.FALLING_CLEARLY;
            // a recovery holds through anything but a rise or too few data; a rise only through unclear days
            boolean held = (status == ProgressStatus.RECOVERED
                    || status == ProgressStatus.WORSENING && (e == Evidence.UNCLEAR_LEANING_FALLING || e == Evidence.UNCLEAR_LEANING_FLAT))
                    && day - since <= LOOKBACK_DAYS;
            switch (e) {
                case TOO_EARLY -> {
                    status = ProgressStatus.INSUFFICIENT_DATA;
                    onEvidence = false;
                }
                case RECOVERED, RISING -> {
                    status = e == Evidence.RECOVERED ? ProgressStatus.RECOVERED : ProgressStatus.WORSENING;
                    onEvidence = true;
                    since = day;
                }
                case STOPPED -> {
                    if (!held) {
                        status = ProgressStatus.PLATEAU;
                        onEvidence = true;
                    }
                }
                case FALLING_WEAKLY, FALLING, FALLING_CLEARLY -> {
                    boolean holdPlateau = status == ProgressStatus.PLATEAU && onEvidence && e != Evidence.FALLING_CLEARLY
                            && !(e == Evidence.FALLING && fellBefore);
                    if (!holdPlateau && !held) {
                        status = ProgressStatus.IMPROVING;
                        onEvidence = true;
                    }
                }
                case UNCLEAR_LEANING_FALLING, UNCLEAR_LEANING_FLAT -> {
                    boolean kept = held || onEvidence && (status == ProgressStatus.PLATEAU || status == ProgressStatus.IMPROVING);
                    if (!kept) {
                        status = e == Evidence.UNCLEAR_LEANING_FALLING ? ProgressStatus.IMPROVING : ProgressStatus.PLATEAU;
                        onEvidence = false;
                    }
                }
            }
            fellBefore = e == Evidence.FALLING || e == Evidence.FALLING_CLEARLY;
        }
        return status;
    }
}
