package org.backtrack.progress.patients;

import org.backtrack.progress.assessment.CalendarDays;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The days a progress document's {@code series} (and {@code daily}) covers: {@code from} to {@code to}, both
 * inclusive, calendar days of the clinic ({@link CalendarDays}, its time zone). By default the last {@link #DEFAULT_DAYS} days up to today; at most {@link #MAX_DAYS} days.
 * Everything else in the document (session count, status, trend, alerts) always covers the whole history.
 */
public record SeriesWindow(LocalDate from, LocalDate to) {

    public static final int DEFAULT_DAYS = 180;
    public static final int MAX_DAYS = 366;
    static final String FROM = "from";
    static final String TO = "to";

    /** A request for a window that cannot be served, naming the parameter at fault. */
    public static final class InvalidWindowException extends RuntimeException {
        private final String field;

        InvalidWindowException(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /**
     * The window a request asks for: {@code to} defaults to {@code today}, {@code from} to {@code DEFAULT_DAYS - 1}
     * days before {@code to}.
     *
     * @throws InvalidWindowException for a value that is not an ISO date, {@code to} before {@code from}, or more
     *                                than {@link #MAX_DAYS} days
     */
    public static SeriesWindow of(String from, String to, LocalDate today) {
        LocalDate end = to == null ? today : date(TO, to);
        LocalDate start = from == null ? end.minusDays(DEFAULT_DAYS - 1L) : date(FROM, from);
        if (end.isBefore(start)) {
            throw new InvalidWindowException(TO, "must not be before from");
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
            throw new InvalidWindowException(FROM, "the series covers at most " + MAX_DAYS + " days: give from and to closer together");
        }
        return new SeriesWindow(start, end);
    }

    /** The window of the same length just before this one: the next (older) page. */
    public SeriesWindow older() {
        return new SeriesWindow(from.minusDays(days()), from.minusDays(1));
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** The first instant of the window, in the clinic's days. */
    public Instant start(CalendarDays calendar) {
        return calendar.startOf(from);
    }

    /** The first instant after the window, in the clinic's days. */
    public Instant end(CalendarDays calendar) {
        return calendar.endOf(to);
    }

    private static LocalDate date(String field, String value) {
        try {
            LocalDate date = LocalDate.parse(value);
            if (date.getYear() < 1 || date.getYear() > 9999) {
                throw new InvalidWindowException(field, "must be a date from 0001-01-01 to 9999-12-31");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw new InvalidWindowException(field, "must be an ISO date (yyyy-MM-dd)");
        }
    }
}
