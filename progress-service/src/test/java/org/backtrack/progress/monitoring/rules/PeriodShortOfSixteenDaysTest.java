package org.backtrack.progress.monitoring.rules;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.backtrack.progress.assessment.CalendarDays;
import org.backtrack.progress.assessment.PainReading;
import org.backtrack.progress.assessment.PatientWindow;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodShortOfSixteenDaysTest {

    static final CalendarDays NEW_YORK = new CalendarDays(ZoneId.of("America/New_York"));
    static final LocalDate FROM = LocalDate.parse("2026-03-01");
    static final LocalDate TO = FROM.plusDays(MonitoringPeriods.PERIOD_DAYS - 1L);

    static PainReading reading(int n, Instant at) {
        return new PainReading("s" + n, at, 5, 4, false, false);
    }

    /** One session at 09:00 UTC on each of the first {@code days} days of the period, plus one {@code daysAfter} later. */
    static PatientWindow daily(int days, CalendarDays calendar) {
        List<PainReading> readings = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            readings.add(reading(d, calendar.startOf(FROM.plusDays(d)).plusSeconds(9 * 3600)));
        }
        return PatientWindow.of("p", "c", readings);
    }

    @Test
    void fifteenDaysWithDataAreProvenShort() {
        assertThat(PeriodShortOfSixteenDays.provenBy(daily(15, CalendarDays.UTC), FROM, TO, CalendarDays.UTC)).isTrue();
    }

    @Test
    void sixteenDaysWithDataAreNotShort() {
        assertThat(PeriodShortOfSixteenDays.provenBy(daily(16, CalendarDays.UTC), FROM, TO, CalendarDays.UTC)).isFalse();
    }

    @Test
    void aPeriodThatBeganBeforeTheWindowsSpanProvesNothing() {
        List<PainReading> readings = new ArrayList<>();
        readings.add(reading(0, Instant.parse("2026-03-02T09:00:00Z")));
        readings.add(reading(1, Instant.parse("2026-04-20T09:00:00Z"))); // the span now starts after the period's start
        PatientWindow window = PatientWindow.of("p", "c", readings);
        assertThat(PeriodShortOfSixteenDays.provenBy(window, FROM, TO, CalendarDays.UTC)).isFalse();
    }

    @Test
    void aDayFullToTheWindowsLimitProvesNothing() {
        List<PainReading> readings = new ArrayList<>();
        for (int i = 0; i < PatientWindow.MAX_READINGS_PER_DAY; i++) {
            readings.add(reading(i, Instant.parse("2026-03-03T08:00:00Z").plusSeconds(60L * i)));
        }
        PatientWindow window = PatientWindow.of("p", "c", readings);
        assertThat(PeriodShortOfSixteenDays.provenBy(window, FROM, TO, CalendarDays.UTC)).isFalse();
    }

    @Test
    void aPatientWithoutSessionsProvesNothing() {
        assertThat(PeriodShortOfSixteenDays.provenBy(PatientWindow.empty("p", "c"), FROM, TO, CalendarDays.UTC)).isFalse();
    }

    @Test
    void daysAreTheClinicsDays() {
        // 15 New York days, but the evening sessions fall on 16 UTC days: short in New York, not in UTC
        List<PainReading> readings = new ArrayList<>();
        for (int d = 0; d < 15; d++) {
            Instant evening = NEW_YORK.startOf(FROM.plusDays(d)).plusSeconds(21 * 3600);
            readings.add(reading(d, evening));
        }
        readings.add(reading(99, NEW_YORK.startOf(FROM).plusSeconds(8 * 3600))); // UTC days 0 to 15
        PatientWindow window = PatientWindow.of("p", "c", readings);
        assertThat(PeriodShortOfSixteenDays.provenBy(window, FROM, TO, NEW_YORK)).isTrue();
        assertThat(MonitoringPeriods.period(FROM, 0, NEW_YORK, sessionsOf(readings), TO.plusDays(1)).reached16()).isFalse();
    }

    static List<MonitoringPeriods.Session> sessionsOf(List<PainReading> readings) {
        return readings.stream().map(r -> new MonitoringPeriods.Session(r.sessionId(), r.completedAt())).toList();
    }

    @Provide
    Arbitrary<List<Instant>> histories() {
        Instant base = Instant.parse("2026-01-20T00:00:00Z");
        // up to 90 days, days often with several sessions, sometimes a burst in one day
        Arbitrary<Instant> any = Arbitraries.longs().between(0, 90L * 24 * 3600).map(base::plusSeconds);
        Arbitrary<List<Instant>> burst = Arbitraries.longs().between(0, 3600).map(Instant.parse("2026-03-10T06:00:00Z")::plusSeconds)
                .list().ofMinSize(0).ofMaxSize(20);
        return Arbitraries.oneOf(any.list().ofMaxSize(120), any.list().ofMaxSize(60).flatMap(l -> burst.map(b -> {
            List<Instant> all = new ArrayList<>(l);
            all.addAll(b);
            return all;
        })));
    }

    /** Never a false "short": whenever the window proves a period short, the whole history agrees. */
    @Property(tries = 500)
    void whatTheWindowProvesTheWholeHistoryConfirms(@ForAll("histories") List<Instant> history,
                                                    @ForAll @IntRange(min = 0, max = 3) int index,
                                                    @ForAll @IntRange(min = 0, max = 3) int zone) {
        CalendarDays calendar = List.of(CalendarDays.UTC, NEW_YORK, new CalendarDays(ZoneId.of("Pacific/Kiritimati")),
                new CalendarDays(ZoneId.of("Pacific/Pago_Pago"))).get(zone);
        List<PainReading> readings = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            readings.add(reading(i, history.get(i)));
        }
        PatientWindow window = PatientWindow.of("p", "c", readings);
        LocalDate start = LocalDate.parse("2026-01-18");
        LocalDate from = MonitoringPeriods.startOf(start, index);
        LocalDate to = from.plusDays(MonitoringPeriods.PERIOD_DAYS - 1L);
        if (PeriodShortOfSixteenDays.provenBy(window, from, to, calendar)) {
            assertThat(MonitoringPeriods.period(start, index, calendar, sessionsOf(readings), to.plusDays(1)).reached16()).isFalse();
        }
    }

    /** And it proves something in the common case: a patient logging daily, in the period the latest session is in. */
    @Property(tries = 100)
    void aDailyPatientsCurrentPeriodIsProvenShortUntilItsSixteenthDay(@ForAll @IntRange(min = 1, max = 30) int days) {
        boolean proven = PeriodShortOfSixteenDays.provenBy(daily(days, NEW_YORK), FROM, TO, NEW_YORK);
        assertThat(proven).isEqualTo(days < MonitoringPeriods.MANY_DAYS);
    }
}
