package org.backtrack.progress.monitoring.rules;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.backtrack.progress.assessment.CalendarDays;
import org.backtrack.progress.monitoring.rules.MonitoringPeriods.Period;
import org.backtrack.progress.monitoring.rules.MonitoringPeriods.Session;
import org.backtrack.progress.monitoring.rules.MonitoringPeriods.Standing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MonitoringPeriodsTest {

    static final CalendarDays NEW_YORK = new CalendarDays(ZoneId.of("America/New_York"));
    static final CalendarDays BERLIN = new CalendarDays(ZoneId.of("Europe/Berlin"));
    static final LocalDate START = LocalDate.parse("2026-03-01");

    static Session at(String id, String instant) {
        return new Session(id, Instant.parse(instant));
    }

    static Session local(String id, CalendarDays calendar, String localDateTime) {
        return new Session(id, LocalDateTime.parse(localDateTime).atZone(calendar.zone()).toInstant());
    }

    /** One session at 10:00 local on each of the given day offsets from the start. */
    static List<Session> onDays(CalendarDays calendar, LocalDate start, int... offsets) {
        List<Session> sessions = new ArrayList<>();
        for (int offset : offsets) {
            sessions.add(new Session("s" + offset, start.plusDays(offset).atTime(10, 0).atZone(calendar.zone()).toInstant()));
        }
        return sessions;
    }

    static int[] range(int from, int toExclusive) {
        return java.util.stream.IntStream.range(from, toExclusive).toArray();
    }

    @Test
    void anEveningSessionInNewYorkThatCrossesMidnightUtcCountsOnTheLocalDay() {
        // 21:30 in New York on 2026-03-05 (EST, UTC-5) is 02:30 UTC on 2026-03-06
        List<Session> sessions = List.of(at("evening", "2026-03-06T02:30:00Z"), at("next-morning", "2026-03-06T14:00:00Z"));
        Period period = MonitoringPeriods.period(START, 0, NEW_YORK, sessions, LocalDate.parse("2026-03-10"));
        assertThat(period.days()).extracting(MonitoringPeriods.MonitoredDay::date)
                .containsExactly(LocalDate.parse("2026-03-05"), LocalDate.parse("2026-03-06"));
        assertThat(period.reached2On()).isEqualTo("2026-03-06");
        // in UTC both fall on one day
        assertThat(MonitoringPeriods.period(START, 0, CalendarDays.UTC, sessions, LocalDate.parse("2026-03-10")).count()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
            "Europe/Berlin,      2026-03-29, 23",
            "Europe/Berlin,      2026-10-25, 25",
            "America/New_York,   2026-03-08, 23",
            "America/New_York,   2026-11-01, 25"})
    void theDaylightSavingDaysOf23And25HoursAreOneDayEachFromLocalMidnightToLocalMidnight(String zone, LocalDate day, int hours) {
        CalendarDays calendar = new CalendarDays(ZoneId.of(zone));
        assertThat(ChronoUnit.HOURS.between(calendar.startOf(day), calendar.endOf(day))).isEqualTo(hours);
        List<Session> sessions = List.of(
                new Session("first-instant", calendar.startOf(day)),
                new Session("last-second", calendar.endOf(day).minusSeconds(1)),
                new Session("next-midnight", calendar.endOf(day)),
                new Session("before", calendar.startOf(day).minusSeconds(1)));
        LocalDate start = day.minusDays(10);
        Period period = MonitoringPeriods.period(start, 0, calendar, sessions, day.plusDays(5));
        assertThat(period.days()).extracting(MonitoringPeriods.MonitoredDay::date)
                .containsExactly(day.minusDays(1), day, day.plusDays(1));
        assertThat(period.days().get(1).sessionId()).isEqualTo("first-instant");
        assertThat(period.days().get(2).sessionId()).isEqualTo("next-midnight");
    }

    @Test
    void aSessionExactlyAtLocalMidnightStartsTheNewDay() {
        List<Session> sessions = List.of(local("midnight", BERLIN, "2026-03-03T00:00:00"), local("late", BERLIN, "2026-03-02T23:59:59"));
        Period period = MonitoringPeriods.period(START, 0, BERLIN, sessions, LocalDate.parse("2026-03-10"));
        assertThat(period.days()).extracting(MonitoringPeriods.MonitoredDay::sessionId).containsExactly("late", "midnight");
    }

    @Test
    void day30BelongsToTheFirstPeriodAndDay31StartsTheSecond() {
        List<Session> sessions = onDays(NEW_YORK, START, 0, 29, 30);
        LocalDate today = START.plusDays(40);
        Period first = MonitoringPeriods.period(START, 0, NEW_YORK, sessions, today);
        Period second = MonitoringPeriods.period(START, 1, NEW_YORK, sessions, today);
        assertThat(first.end()).isEqualTo(START.plusDays(29));
        assertThat(first.count()).isEqualTo(2);
        assertThat(second.start()).isEqualTo(START.plusDays(30));
        assertThat(second.count()).isEqualTo(1);
        assertThat(MonitoringPeriods.indexOf(START, START.plusDays(29))).isZero();
        assertThat(MonitoringPeriods.indexOf(START, START.plusDays(30))).isEqualTo(1);
        assertThat(MonitoringPeriods.indexOf(START, START.minusDays(1))).isEqualTo(-1);
    }

    @Test
    void theEarliestSessionOfADayQualifiesItWhateverOrderTheyArrivedIn() {
        List<Session> sessions = new ArrayList<>(List.of(
                local("b-noon", NEW_YORK, "2026-03-04T12:00:00"),
                local("z-morning", NEW_YORK, "2026-03-04T08:00:00"),
                local("a-morning", NEW_YORK, "2026-03-04T08:00:00")));
        for (int i = 0; i < 3; i++) {
            Collections.rotate(sessions, 1);
            Period period = MonitoringPeriods.period(START, 0, NEW_YORK, sessions, LocalDate.parse("2026-03-10"));
            assertThat(period.days()).singleElement().satisfies(day -> assertThat(day.sessionId()).isEqualTo("a-morning"));
        }
    }

    @Test
    void aCorrectionThatMovesASessionMovesItsDay() {
        List<Session> before = List.of(local("s1", NEW_YORK, "2026-03-04T08:00:00"), local("s2", NEW_YORK, "2026-03-05T08:00:00"));
        List<Session> corrected = List.of(local("s1", NEW_YORK, "2026-03-04T08:00:00"), local("s2", NEW_YORK, "2026-03-04T20:00:00"));
        LocalDate today = LocalDate.parse("2026-03-10");
        assertThat(MonitoringPeriods.period(START, 0, NEW_YORK, before, today).count()).isEqualTo(2);
        Period after = MonitoringPeriods.period(START, 0, NEW_YORK, corrected, today);
        assertThat(after.count()).isEqualTo(1);
        assertThat(after.reached2()).isFalse();
    }

    @Test
    void sixteenDaysAreReachedOnTheSixteenthDayWithData() {
        Period period = MonitoringPeriods.period(START, 0, NEW_YORK, onDays(NEW_YORK, START, range(0, 20)), START.plusDays(25));
        assertThat(period.reached16On()).isEqualTo(START.plusDays(15));
        assertThat(period.reached2On()).isEqualTo(START.plusDays(1));
        assertThat(period.standing()).isEqualTo(Standing.REACHED);
        assertThat(period.lostOn()).isNull();
        assertThat(period.daysNeeded()).isZero();
        assertThat(period.sessionIds()).hasSize(20);
    }

    @Test
    void sixteenIsLostOnTheFirstDayThatLeavesTooFewDays() {
        // no data on days 0..14: after day 14 (the 15th day) 15 days remain, 16 cannot be reached any more
        Period stillOpen = MonitoringPeriods.period(START, 0, NEW_YORK, List.of(), START.plusDays(14));
        assertThat(stillOpen.lostOn()).isNull();
        assertThat(stillOpen.daysLeft()).isEqualTo(16);
        assertThat(stillOpen.slack()).isZero();
        Period lost = MonitoringPeriods.period(START, 0, NEW_YORK, List.of(), START.plusDays(15));
        assertThat(lost.lostOn()).isEqualTo(START.plusDays(14));
        assertThat(lost.standing()).isEqualTo(Standing.LOST);
        assertThat(lost.slack()).isNegative();
    }

    @Test
    void aSessionTodayCountsAndKeepsTheDayOpen() {
        Period period = MonitoringPeriods.period(START, 0, NEW_YORK, onDays(NEW_YORK, START, 5), START.plusDays(5));
        assertThat(period.count()).isEqualTo(1);
        assertThat(period.daysLeft()).isEqualTo(24); // days 6..29
        assertThat(period.daysNeeded()).isEqualTo(15);
    }

    @Test
    void aPeriodThatHasNotBegunLeavesAllItsDays() {
        Period period = MonitoringPeriods.period(START, 1, NEW_YORK, List.of(), START.plusDays(3));
        assertThat(period.daysLeft()).isEqualTo(30);
        assertThat(period.lostOn()).isNull();
    }

    @Test
    void theDefaultStartIsTheLocalDayOfTheFirstSession() {
        assertThat(MonitoringPeriods.defaultStart(NEW_YORK, List.of(at("late", "2026-03-06T02:30:00Z"), at("x", "2026-03-09T12:00:00Z"))))
                .contains(LocalDate.parse("2026-03-05"));
        assertThat(MonitoringPeriods.defaultStart(NEW_YORK, List.of())).isEmpty();
    }

    @Test
    void periodsRunFromTheStartToThePeriodHoldingTheDate() {
        List<Period> periods = MonitoringPeriods.periods(START, NEW_YORK, onDays(NEW_YORK, START, 0, 31, 65), START.plusDays(70),
                START.plusDays(70));
        assertThat(periods).extracting(Period::count).containsExactly(1, 1, 1);
        assertThat(periods).extracting(Period::index).containsExactly(0, 1, 2);
    }

    // ---- properties -------------------------------------------------------------------------------------------

    @Provide
    Arbitrary<List<Session>> sessions() {
        Instant base = START.atStartOfDay(NEW_YORK.zone()).toInstant().minus(2, ChronoUnit.DAYS);
        return Arbitraries.longs().between(0, 70L * 24 * 3600).map(s -> base.plusSeconds(s)).list().ofMaxSize(60)
                .map(instants -> {
                    List<Session> list = new ArrayList<>();
                    for (int i = 0; i < instants.size(); i++) {
                        list.add(new Session("s" + i, instants.get(i)));
                    }
                    return list;
                });
    }

    @Property(tries = 300)
    void theCountNeverExceeds30NorTheDaysElapsed(@ForAll("sessions") List<Session> sessions, @ForAll @IntRange(max = 2) int index,
                                                 @ForAll @IntRange(max = 90) int todayOffset) {
        LocalDate today = START.plusDays(todayOffset);
        Period period = MonitoringPeriods.period(START, index, NEW_YORK, sessions, today);
        assertThat(period.count()).isLessThanOrEqualTo(MonitoringPeriods.PERIOD_DAYS);
        // sessions are all in the past of the last day generated, so they fall on days of the period up to then
        assertThat(period.days()).allSatisfy(day -> assertThat(period.contains(day.date())).isTrue());
        assertThat(period.count() + period.daysLeft()).isLessThanOrEqualTo(MonitoringPeriods.PERIOD_DAYS);
        assertThat(period.days()).extracting(MonitoringPeriods.MonitoredDay::date).isSorted().doesNotHaveDuplicates();
    }

    @Property(tries = 300)
    void addingASessionNeverLowersTheCountNorUndoesAThreshold(@ForAll("sessions") List<Session> sessions,
                                                              @ForAll("sessions") List<Session> more,
                                                              @ForAll @IntRange(max = 90) int todayOffset) {
        LocalDate today = START.plusDays(todayOffset);
        List<Session> all = new ArrayList<>(sessions);
        more.forEach(s -> all.add(new Session("more-" + s.sessionId(), s.completedAt())));
        for (int index = 0; index < 3; index++) {
            Period before = MonitoringPeriods.period(START, index, NEW_YORK, sessions, today);
            Period after = MonitoringPeriods.period(START, index, NEW_YORK, all, today);
            assertThat(after.count()).isGreaterThanOrEqualTo(before.count());
            if (before.reached16()) {
                assertThat(after.reached16On()).isBeforeOrEqualTo(before.reached16On());
            }
            if (after.lostOn() != null) {
                assertThat(before.lostOn()).isNotNull().isBeforeOrEqualTo(after.lostOn());
            }
        }
    }

    @Property(tries = 300)
    void lostOnIsTheFirstDayOn16CouldNoLongerBeReachedAndAgreesWithTheSlack(@ForAll("sessions") List<Session> sessions,
                                                                             @ForAll @IntRange(max = 2) int index,
                                                                             @ForAll @IntRange(max = 90) int todayOffset) {
        LocalDate today = START.plusDays(todayOffset);
        Period period = MonitoringPeriods.period(START, index, NEW_YORK, sessions, today);
        for (LocalDate d = period.start(); !d.isAfter(period.end()) && d.isBefore(today); d = d.plusDays(1)) {
            LocalDate day = d;
            long through = period.days().stream().filter(x -> !x.date().isAfter(day)).count();
            boolean reachable = through + ChronoUnit.DAYS.between(day, period.end()) >= MonitoringPeriods.MANY_DAYS;
            if (period.lostOn() == null || d.isBefore(period.lostOn())) {
                assertThat(reachable).as("still reachable on %s", d).isTrue();
            } else if (d.equals(period.lostOn())) {
                assertThat(reachable).isFalse();
            }
        }
        assertThat(period.lostOn() != null).isEqualTo(!period.reached16() && period.daysLeft() < period.daysNeeded());
        assertThat(period.reached16() && period.lostOn() != null).isFalse();
    }

    @Property(tries = 200)
    void theOrderOfTheSessionsChangesNothing(@ForAll("sessions") List<Session> sessions, @ForAll @IntRange(max = 90) int todayOffset) {
        List<Session> reversed = new ArrayList<>(sessions);
        Collections.reverse(reversed);
        LocalDate today = START.plusDays(todayOffset);
        assertThat(MonitoringPeriods.period(START, 1, NEW_YORK, reversed, today))
                .isEqualTo(MonitoringPeriods.period(START, 1, NEW_YORK, sessions, today));
    }
}
