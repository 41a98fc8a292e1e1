package org.backtrack.progress.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Which calendar day an instant falls on, for every rule that counts days: the daily series, the trend's days, the
 * read model's readings per day. One rule, so that later analytics and reports count the same days. Days are UTC
 * ({@link #UTC}); a clinic's own time zone can be a second instance of this rule once clinics have one.
 */
public record CalendarDays(ZoneId zone) {

    public static final CalendarDays UTC = new CalendarDays(ZoneOffset.UTC);

    public LocalDate dayOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    /** The first instant of {@code day}. */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** The first instant after {@code day}. */
    public Instant endOf(LocalDate day) {
        return startOf(day.plusDays(1));
    }
}
