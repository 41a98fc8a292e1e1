package org.backtrack.progress.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Which calendar day an instant falls on, for every rule that counts days: the daily series, the trend's days, the
 * red flags' two weeks, the weekly adherence, monitoring days and outcomes. One rule, so that every analytics count
 * of a clinic counts the same days: the clinic's time zone (an IANA region, set by its administrators), {@link #UTC}
 * until one is set. A day runs from local midnight to the next local midnight, so the days of a daylight-saving
 * change last 23 or 25 hours and still count as one day, and an evening session that is already the next day in UTC
 * counts on its local day.
 */
public record CalendarDays(ZoneId zone) {

    public static final CalendarDays UTC = new CalendarDays(ZoneOffset.UTC);

    public CalendarDays {
        if (zone == null) {
            throw new IllegalArgumentException("a calendar needs a time zone");
        }
    }

    /** The calendar of a stored zone id, {@link #UTC} for none (data written before zones were stored). */
    public static CalendarDays of(String zoneId) {
        return zoneId == null || zoneId.equals("UTC") || zoneId.equals("Z") ? UTC : new CalendarDays(ZoneId.of(zoneId));
    }

    /** The zone's id as stored ({@code UTC} for {@link #UTC}). */
    public String zoneId() {
        return zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }

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

    /**
     * The same local time {@code days} calendar days before {@code at} (167 or 169 hours for a week across a
     * daylight-saving change): where "the last seven days up to now" begins.
     */
    public Instant daysBefore(Instant at, long days) {
        return at.atZone(zone).minusDays(days).toInstant();
    }
}
