package org.backtrack.progress.monitoring.rules;

import org.backtrack.progress.assessment.CalendarDays;
import org.backtrack.progress.assessment.PainReading;
import org.backtrack.progress.assessment.PatientWindow;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether a patient's window ({@link PatientWindow}) already proves that a monitoring period has fewer than
 * {@link MonitoringPeriods#MANY_DAYS} days with data, so that the period's full session history need not be read
 * after each session. The window keeps every day with a session in its recent span (the latest readings of each UTC
 * day, at most {@link PatientWindow#MAX_READINGS_PER_DAY}), so within that span its days with data are the patient's.
 * It proves nothing, and the history must be read, when the period begins before the span or when a day of the
 * window is full to its limit (it may have left some readings out).
 */
public final class PeriodShortOfSixteenDays {

    private PeriodShortOfSixteenDays() {
    }

    /** @return true when the window shows fewer than 16 days with data in {@code [from, to]} and holds every one of them */
    public static boolean provenBy(PatientWindow window, LocalDate from, LocalDate to, CalendarDays calendar) {
        if (window.latestAt() == null) {
            return false;
        }
        // the window keeps the readings after latestAt - RECENT; the period must begin after that instant
        if (!calendar.startOf(from).isAfter(window.latestAt().minus(PatientWindow.RECENT))) {
            return false;
        }
        Map<LocalDate, Integer> perUtcDay = new HashMap<>();
        Set<LocalDate> daysWithData = new HashSet<>();
        for (PainReading reading : window.recent()) {
            if (perUtcDay.merge(reading.completedAt().atOffset(ZoneOffset.UTC).toLocalDate(), 1, Integer::sum)
                    >= PatientWindow.MAX_READINGS_PER_DAY) {
                return false;
            }
            LocalDate day = calendar.dayOf(reading.completedAt());
            if (!day.isBefore(from) && !day.isAfter(to)) {
                daysWithData.add(day);
            }
        }
        return daysWithData.size() < MonitoringPeriods.MANY_DAYS;
    }
}
