package org.backtrack.progress.monitoring.rules;

import org.backtrack.progress.assessment.CalendarDays;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Decides a patient's monitoring days: consecutive periods of {@link #PERIOD_DAYS} calendar days counted from the
 * monitoring start ({@code [start + 30k, start + 30k + 29]}), the days of each period with at least one session (the
 * calendar day in the clinic's time zone, {@link CalendarDays}: the one day rule), the session that qualified each day
 * (the earliest by {@code completedAt}, then by session id), and the thresholds of {@link #FEW_DAYS} and
 * {@link #MANY_DAYS} days.
 * <p>
 * A day is over once the next one has begun in the clinic's zone. {@code lostOn} is the first day D of the period that
 * is over with {@code days through D + days after D in the period < 16}: from then on 16 days cannot be reached. It is
 * empty while 16 is still reachable and once it is reached. {@code daysLeft} counts the days not over yet (from today to
 * the period's end) without a session so far; {@code daysNeeded} is what 16 still lacks, so a period is lost exactly
 * when {@code daysLeft < daysNeeded}.
 */
public final class MonitoringPeriods {

    /** The length of a monitoring period in calendar days. */
    public static final int PERIOD_DAYS = 30;
    /** The smaller threshold: 2 days with data. */
    public static final int FEW_DAYS = 2;
    /** The larger threshold: 16 days with data. */
    public static final int MANY_DAYS = 16;

    private MonitoringPeriods() {
    }

    /** A session as the rule sees it. */
    public record Session(String sessionId, Instant completedAt) {
    }

    /** A day with data and the session that qualified it. */
    public record MonitoredDay(LocalDate date, String sessionId, Instant completedAt) {
    }

    /** Where a period stands on 16 days. */
    public enum Standing { REACHABLE, LOST, REACHED }

    /**
     * One period.
     *
     * @param index       0 for the period starting on the monitoring start, 1 for the next...
     * @param days        the days with data, in date order, each with its qualifying session
     * @param reached2On  the day the 2nd day with data fell on, or null
     * @param reached16On the day the 16th day with data fell on, or null
     * @param daysLeft    days not over yet in the period without a session so far
     * @param daysNeeded  days 16 still lacks (0 once reached)
     * @param lostOn      the first day after which 16 could no longer be reached, or null
     */
    public record Period(int index, LocalDate start, LocalDate end, List<MonitoredDay> days, LocalDate reached2On,
                         LocalDate reached16On, int daysLeft, int daysNeeded, LocalDate lostOn) {

        public Period {
            days = List.copyOf(days);
        }

        public int count() {
            return days.size();
        }

        public boolean reached2() {
            return reached2On != null;
        }

        public boolean reached16() {
            return reached16On != null;
        }

        public Standing standing() {
            return reached16() ? Standing.REACHED : lostOn != null ? Standing.LOST : Standing.REACHABLE;
        }

        /** Days to spare: how many more days may pass without data while 16 stays reachable (negative once lost). */
        public int slack() {
            return daysLeft - daysNeeded;
        }

        public List<String> sessionIds() {
            return days.stream().map(MonitoredDay::sessionId).toList();
        }

        public boolean contains(LocalDate date) {
            return !date.isBefore(start) && !date.isAfter(end);
        }
    }

    /** The default monitoring start: the day (in the clinic's zone) of the first session, empty without sessions. */
    public static Optional<LocalDate> defaultStart(CalendarDays calendar, Collection<Session> sessions) {
        return sessions.stream().map(Session::completedAt).min(Comparator.naturalOrder()).map(calendar::dayOf);
    }

    /** The index of the period holding {@code date}, or -1 for a date before the start. */
    public static int indexOf(LocalDate start, LocalDate date) {
        long offset = ChronoUnit.DAYS.between(start, date);
        return offset < 0 ? -1 : (int) (offset / PERIOD_DAYS);
    }

    /** The first day of period {@code index}. */
    public static LocalDate startOf(LocalDate start, int index) {
        return start.plusDays((long) index * PERIOD_DAYS);
    }

    /**
     * Period {@code index} as of {@code today} (the current day in the clinic's zone). Sessions outside the period are
     * ignored, so the caller may pass a patient's whole history or any superset of the period's sessions.
     */
    public static Period period(LocalDate start, int index, CalendarDays calendar, Collection<Session> sessions, LocalDate today) {
        if (index < 0) {
            throw new IllegalArgumentException("no period before the start");
        }
        LocalDate from = startOf(start, index);
        LocalDate to = from.plusDays(PERIOD_DAYS - 1L);
        TreeMap<LocalDate, Session> qualifying = new TreeMap<>();
        Comparator<Session> earliest = Comparator.comparing(Session::completedAt).thenComparing(Session::sessionId);
        for (Session session : sessions) {
            LocalDate day = calendar.dayOf(session.completedAt());
            if (!day.isBefore(from) && !day.isAfter(to)) {
                qualifying.merge(day, session, (a, b) -> earliest.compare(a, b) <= 0 ? a : b);
            }
        }
        List<MonitoredDay> days = new ArrayList<>(qualifying.size());
        qualifying.forEach((day, s) -> days.add(new MonitoredDay(day, s.sessionId(), s.completedAt())));
        LocalDate reached2On = days.size() >= FEW_DAYS ? days.get(FEW_DAYS - 1).date() : null;
        LocalDate reached16On = days.size() >= MANY_DAYS ? days.get(MANY_DAYS - 1).date() : null;

        // the days not over yet: from today (or the start, if later) to the end
        LocalDate openFrom = today.isAfter(from) ? today : from;
        int daysLeft = 0;
        for (LocalDate d = openFrom; !d.isAfter(to); d = d.plusDays(1)) {
            if (!qualifying.containsKey(d)) {
                daysLeft++;
            }
        }
        int daysNeeded = Math.max(0, MANY_DAYS - days.size());

        LocalDate lostOn = null;
        if (reached16On == null) {
            int through = 0;
            for (LocalDate d = from; !d.isAfter(to) && d.isBefore(today); d = d.plusDays(1)) {
                if (qualifying.containsKey(d)) {
                    through++;
                }
                if (through + ChronoUnit.DAYS.between(d, to) < MANY_DAYS) {
                    lostOn = d;
                    break;
                }
            }
        }
        return new Period(index, from, to, days, reached2On, reached16On, daysLeft, daysNeeded, lostOn);
    }

    /** The period holding {@code date}, or empty for a date before the start. */
    public static Optional<Period> periodHolding(LocalDate start, LocalDate date, CalendarDays calendar,
                                                 Collection<Session> sessions, LocalDate today) {
        int index = indexOf(start, date);
        return index < 0 ? Optional.empty() : Optional.of(period(start, index, calendar, sessions, today));
    }

    /** Every period from the start to the one holding {@code through}, oldest first (none when it is before the start). */
    public static List<Period> periods(LocalDate start, CalendarDays calendar, Collection<Session> sessions, LocalDate today,
                                       LocalDate through) {
        int last = indexOf(start, through);
        List<Period> periods = new ArrayList<>();
        for (int i = 0; i <= last; i++) {
            periods.add(period(start, i, calendar, sessions, today));
        }
        return periods;
    }
}
