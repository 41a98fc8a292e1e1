package org.backtrack.progress.monitoring.rules;

import org.backtrack.progress.assessment.CalendarDays;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Decides where a patient's monitoring periods start: the monitoring start a clinician set on the patient's program
 * ({@link Source#PROGRAM}) when there is one, even if it lies before or after the first session (sessions before it
 * count in no period); else the day, in the clinic's time zone, of the patient's first session
 * ({@link Source#FIRST_SESSION}); nothing when there is neither.
 */
public record MonitoringStart(LocalDate date, Source source) {

    /** Where a start comes from. */
    public enum Source { PROGRAM, FIRST_SESSION }

    /**
     * @param programStart the program's monitoring start, or null when none is set (or no program is known)
     * @param firstSession the patient's first session, if any
     */
    public static Optional<MonitoringStart> of(LocalDate programStart, Optional<Instant> firstSession, CalendarDays calendar) {
        if (programStart != null) {
            return Optional.of(new MonitoringStart(programStart, Source.PROGRAM));
        }
        return firstSession.map(first -> new MonitoringStart(calendar.dayOf(first), Source.FIRST_SESSION));
    }
}
