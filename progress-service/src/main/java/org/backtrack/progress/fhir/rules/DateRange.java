package org.backtrack.progress.fhir.rules;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The instants a FHIR {@code date} search covers, as a half-open range {@code [from, until)} of the session's
 * {@code completedAt}. Each value is a prefix and a date of some precision; the date stands for the whole period it
 * names ({@code 2026-11} is all of November, UTC), and the prefix picks a side of it:
 * <ul>
 *     <li>{@code eq} (or none): within the period; {@code ge}: from its start; {@code gt} and {@code sa}: after its end;
 *     {@code le}: up to its end; {@code lt} and {@code eb}: before its start;</li>
 *     <li>{@code ne} and {@code ap} are not supported (400).</li>
 * </ul>
 * Dates without a time are UTC days, months or years; a time needs a zone ({@code Z} or {@code +01:00}), as FHIR
 * requires. Several values narrow the range together ({@code date=ge2026-11-01&date=lt2026-12-01}); a range that
 * holds nothing simply matches nothing.
 */
public record DateRange(Instant from, Instant until) {

    public static final String PARAMETER = "date";
    /** Before any plausible session ({@code backtrack.events.earliest-time} is 2000 by default). */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    /** After any plausible session. */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    public static final DateRange ALL = new DateRange(EARLIEST, LATEST);
    static final String FORMAT = "must be [eq|ge|gt|le|lt|sa|eb] followed by yyyy, yyyy-MM, yyyy-MM-dd or "
            + "yyyy-MM-ddThh:mm[:ss[.fff]] with a zone (Z or +hh:mm)";

    private static final Pattern VALUE = Pattern.compile(
            "(eq|ne|gt|lt|ge|le|sa|eb|ap)?(\\d{4}(?:-\\d{2}(?:-\\d{2}(?:T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?(?:Z|[+-]\\d{2}:\\d{2}))?)?)?)");

    /** Whether the range can hold anything at all. */
    public boolean isEmpty() {
        return !from.isBefore(until);
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(from) && instant.isBefore(until);
    }

    /** The range every value of the parameter allows; {@link #ALL} without any. */
    public static DateRange of(List<String> values) {
        DateRange range = ALL;
        if (values != null) {
            for (String value : values) {
                range = range.narrowedBy(value);
            }
        }
        return range;
    }

    /** @throws InvalidSearchException naming {@code date} for a value that is not a supported prefix and date */
    DateRange narrowedBy(String value) {
        Matcher matcher = value == null || value.length() > 40 ? null : VALUE.matcher(value);
        if (matcher == null || !matcher.matches()) {
            throw new InvalidSearchException(PARAMETER, FORMAT);
        }
        String prefix = matcher.group(1) == null ? "eq" : matcher.group(1);
        Instant[] period = period(matcher.group(2));
        Instant start = period[0];
        Instant end = period[1];
        return switch (prefix) {
            case "eq" -> new DateRange(later(from, start), earlier(until, end));
            case "ge" -> new DateRange(later(from, start), until);
            case "gt", "sa" -> new DateRange(later(from, end), until);
            case "le" -> new DateRange(from, earlier(until, end));
            case "lt", "eb" -> new DateRange(from, earlier(until, start));
            default -> throw new InvalidSearchException(PARAMETER, "the prefix " + prefix + " is not supported; " + FORMAT);
        };
    }

    /** The start and the (exclusive) end of the period a date names, at its precision. */
    private static Instant[] period(String date) {
        try {
            switch (date.length()) {
                case 4 -> {
                    Instant start = LocalDate.of(Integer.parseInt(date), 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
                    return new Instant[]{start, start.atOffset(ZoneOffset.UTC).plusYears(1).toInstant()};
                }
                case 7 -> {
                    YearMonth month = YearMonth.parse(date);
                    Instant start = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
                    return new Instant[]{start, month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)};
                }
                case 10 -> {
                    LocalDate day = LocalDate.parse(date);
                    return new Instant[]{day.atStartOfDay().toInstant(ZoneOffset.UTC),
                            day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)};
                }
                default -> {
                    OffsetDateTime time = OffsetDateTime.parse(date, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                    Instant start = time.toInstant();
                    return new Instant[]{start, start.plus(1, precisionOf(date))};
                }
            }
        } catch (DateTimeException | NumberFormatException e) {
            throw new InvalidSearchException(PARAMETER, FORMAT);
        }
    }

    /** Minutes, seconds or the fraction's last digit: the unit the time is given in. */
    private static ChronoUnit precisionOf(String date) {
        String time = date.substring(11).replaceFirst("(Z|[+-]\\d{2}:\\d{2})$", "");
        if (time.length() == 5) {
            return ChronoUnit.MINUTES;
        }
        int dot = time.indexOf('.');
        if (dot < 0) {
            return ChronoUnit.SECONDS;
        }
        int digits = time.length() - dot - 1;
        return digits <= 3 ? ChronoUnit.MILLIS : digits <= 6 ? ChronoUnit.MICROS : ChronoUnit.NANOS;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
