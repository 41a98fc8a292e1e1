package org.backtrack.routine.programs.rules;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Decides whether a monitoring start a clinician sends for a patient's program may be stored: a calendar date written
 * {@code yyyy-MM-dd} (ISO 8601), from {@value #MAX_DAYS_BACK} days before today to {@value #MAX_DAYS_AHEAD} days after
 * it (today in UTC; the clinic's own day differs from it by at most one, well inside the range). Back-dating covers a
 * program that started before it was entered (up to a year of periods); a start ahead covers a program that begins
 * next month. Anything else is refused with the reason.
 */
public final class MonitoringStartRule {

    /** How far back a monitoring start may lie. */
    public static final int MAX_DAYS_BACK = 365;
    /** How far ahead a monitoring start may lie. */
    public static final int MAX_DAYS_AHEAD = 30;

    private MonitoringStartRule() {
    }

    /** The outcome: the date, or why it is refused. */
    public record Checked(LocalDate date, String problem) {
        public boolean valid() {
            return problem == null;
        }
    }

    /** @param text the value sent; null or absent means "not sent" and is not checked here */
    public static Checked check(String text, LocalDate today) {
        Optional<LocalDate> date = parse(text);
        if (date.isEmpty()) {
            return new Checked(null, "must be a date written yyyy-MM-dd");
        }
        LocalDate earliest = today.minusDays(MAX_DAYS_BACK);
        LocalDate latest = today.plusDays(MAX_DAYS_AHEAD);
        if (date.get().isBefore(earliest) || date.get().isAfter(latest)) {
            return new Checked(null, "must be from " + earliest + " to " + latest + " (at most " + MAX_DAYS_BACK
                    + " days back and " + MAX_DAYS_AHEAD + " days ahead)");
        }
        return new Checked(date.get(), null);
    }

    private static Optional<LocalDate> parse(String text) {
        if (text == null || text.length() != 10) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
