package org.backtrack.progress.assessment;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one day rule ({@link CalendarDays}) in a clinic's time zone, at the edges that break naive day arithmetic: the
 * 23- and 25-hour days of daylight-saving changes (America/New_York, Europe/Berlin) and a patient whose evening
 * sessions cross midnight UTC (America/Los_Angeles, America/New_York); and every rule that counts days with it: the
 * daily series, the trend's days, the red flags' two weeks, the weekly adherence and the overview's summary.
 */
class ClinicDaysTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final CalendarDays NY = new CalendarDays(NEW_YORK);
    static final CalendarDays LA = new CalendarDays(LOS_ANGELES);
    static final CalendarDays DE = new CalendarDays(BERLIN);

    static Instant local(ZoneId zone, String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(zone).toInstant();
    }

    static PainReading reading(String id, Instant at, int before) {
        return new PainReading(id, at, before, Math.max(0, before - 1), false, false);
    }

    // ---- the day rule at daylight-saving changes -----------------------------------------------------------

    @Test
    void theSpringForwardDayLasts23HoursAndTheFallBackDay25AndEachIsOneDay() {
        LocalDate springNy = LocalDate.parse("2026-03-08");
        LocalDate fallNy = LocalDate.parse("2026-11-01");
        assertThat(Duration.between(NY.startOf(springNy), NY.endOf(springNy))).isEqualTo(Duration.ofHours(23));
        assertThat(Duration.between(NY.startOf(fallNy), NY.endOf(fallNy))).isEqualTo(Duration.ofHours(25));
        LocalDate springDe = LocalDate.parse("2026-03-29");
        LocalDate fallDe = LocalDate.parse("2026-10-25");
        assertThat(Duration.between(DE.startOf(springDe), DE.endOf(springDe))).isEqualTo(Duration.ofHours(23));
        assertThat(Duration.between(DE.startOf(fallDe), DE.endOf(fallDe))).isEqualTo(Duration.ofHours(25));

        // the first and the last minute of each of them are the same day; the hour repeated at fall-back too
        assertThat(NY.dayOf(local(NEW_YORK, "2026-03-08T00:00"))).isEqualTo(springNy);
        assertThat(NY.dayOf(local(NEW_YORK, "2026-03-08T23:59"))).isEqualTo(springNy);
        Instant firstOneThirty = Instant.parse("2026-11-01T05:30:00Z"); // 01:30 EDT
        Instant secondOneThirty = Instant.parse("2026-11-01T06:30:00Z"); // 01:30 EST, an hour later
        assertThat(NY.dayOf(firstOneThirty)).isEqualTo(fallNy);
        assertThat(NY.dayOf(secondOneThirty)).isEqualTo(fallNy);
        assertThat(NY.dayOf(local(NEW_YORK, "2026-11-01T23:59"))).isEqualTo(fallNy);
        assertThat(NY.dayOf(NY.endOf(fallNy))).isEqualTo(fallNy.plusDays(1)); // a session at local midnight: the day it begins
        assertThat(DE.dayOf(local(BERLIN, "2026-10-25T23:30"))).isEqualTo(fallDe);
        assertThat(DE.dayOf(Instant.parse("2026-10-24T22:30:00Z"))).isEqualTo(fallDe); // 00:30 CEST, 22:30 UTC the day before
    }

    @Test
    void sessionsEveryLocalHourOfA23Or25HourDayFoldIntoOneDailyPoint() {
        for (var edge : List.of(new Object[]{NY, "2026-03-08", 23}, new Object[]{NY, "2026-11-01", 25},
                new Object[]{DE, "2026-03-29", 23}, new Object[]{DE, "2026-10-25", 25})) {
            CalendarDays calendar = (CalendarDays) edge[0];
            LocalDate day = LocalDate.parse((String) edge[1]);
            int hours = (int) edge[2];
            List<PainReading> readings = new ArrayList<>();
            for (int h = 0; h < hours; h++) {
                readings.add(reading("s" + h, calendar.startOf(day).plus(Duration.ofHours(h)).plusSeconds(60), 5));
            }
            List<DailySeries.Day> days = DailySeries.of(readings, calendar);
            assertThat(days).as(calendar + " " + day).hasSize(1);
            assertThat(days.get(0).date()).isEqualTo(day);
            assertThat(days.get(0).sessions()).isEqualTo(hours);
            // in UTC the same sessions straddle two days
            assertThat(DailySeries.of(readings)).hasSize(2);
        }
    }

    // ---- evening sessions that cross midnight UTC ---------------------------------------------------------

    /** Three sessions an evening, 16:30, 20:00 and 23:30 in Los Angeles (23:30, 03:00 and 06:30 UTC in summer). */
    static List<PainReading> laEvenings(LocalDate first, int evenings) {
        List<PainReading> readings = new ArrayList<>();
        for (int d = 0; d < evenings; d++) {
            LocalDate date = first.plusDays(d);
            for (String time : List.of("16:30", "20:00", "23:30")) {
                readings.add(reading(date + "-" + time, date.atTime(LocalTime.parse(time)).atZone(LOS_ANGELES).toInstant(), 6 - d % 3));
            }
        }
        return readings;
    }

    @Test
    void aLosAngelesPatientsEveningSessionsCountOnTheirLocalDayNotOnTwoUtcDays() {
        List<PainReading> readings = laEvenings(LocalDate.parse("2026-06-01"), 5);
        assertThat(readings.get(0).completedAt()).isEqualTo(Instant.parse("2026-06-01T23:30:00Z"));
        assertThat(readings.get(1).completedAt()).isEqualTo(Instant.parse("2026-06-02T03:00:00Z"));

        List<DailySeries.Day> local = DailySeries.of(readings, LA);
        assertThat(local).extracting(DailySeries.Day::date).containsExactly(LocalDate.parse("2026-06-01"),
                LocalDate.parse("2026-06-02"), LocalDate.parse("2026-06-03"), LocalDate.parse("2026-06-04"),
                LocalDate.parse("2026-06-05"));
        assertThat(local).extracting(DailySeries.Day::sessions).containsOnly(3);
        // the same evenings in UTC days: the first evening's 16:30 alone on 06-01, then one session of an evening
        // with two of the next on each day
        List<DailySeries.Day> utc = DailySeries.of(readings, CalendarDays.UTC);
        assertThat(utc).hasSize(6);
        assertThat(utc).extracting(DailySeries.Day::sessions).containsExactly(1, 3, 3, 3, 3, 2);
    }

    @Test
    void theTrendCountsTheClinicsDays() {
        // 15 evenings of 16:30 and 21:00 in New York across the spring-forward change of 2026-03-08: 21:30 and 02:00 UTC
        // the next day (EST), 20:30 and 01:00 UTC (EDT): 15 local days, 16 UTC days
        List<PainReading> readings = new ArrayList<>();
        LocalDate first = LocalDate.parse("2026-03-01");
        for (int d = 0; d < 15; d++) {
            LocalDate date = first.plusDays(d);
            readings.add(reading(date + "-a", date.atTime(16, 30).atZone(NEW_YORK).toInstant(), 7 - d / 5));
            readings.add(reading(date + "-b", date.atTime(21, 0).atZone(NEW_YORK).toInstant(), 7 - d / 5));
        }
        PatientWindow window = PatientWindow.of("p", "c", readings);
        ProgressAssessor assessor = new ProgressAssessor();
        Assessment inNewYork = assessor.assess(window, ExerciseCatalog.EMPTY, window.latestAt(), NY);
        Assessment inUtc = assessor.assess(window, ExerciseCatalog.EMPTY, window.latestAt(), CalendarDays.UTC);
        assertThat(inNewYork.trend().trendDays()).isEqualTo(15);
        assertThat(inUtc.trend().trendDays()).isEqualTo(16);
        assertThat(assessor.assess(window, ExerciseCatalog.EMPTY, window.latestAt())).isEqualTo(inUtc);
    }

    // ---- two weeks of red flags, seven days of adherence ---------------------------------------------------

    @Test
    void aRedFlagIsShownForFourteenOfTheClinicsDays() {
        // known on Saturday 2026-02-28 at 18:00 in Los Angeles: 02:00 UTC on 03-01
        PainReading flag = new PainReading("f", Instant.parse("2026-03-01T02:00:00Z"), 6, 6, false, true);
        Instant lastLocalDay = local(LOS_ANGELES, "2026-03-13T23:30"); // 13 days after 02-28: still shown
        Instant firstDayAfter = local(LOS_ANGELES, "2026-03-14T01:00"); // 08:00 UTC on 03-14
        assertThat(RedFlagRule.shown(List.of(flag), lastLocalDay, LA)).isPresent();
        assertThat(RedFlagRule.shown(List.of(flag), firstDayAfter, LA)).isEmpty();
        // counted in UTC days the flag was known on 03-01 and would still show on 03-14
        assertThat(RedFlagRule.shown(List.of(flag), firstDayAfter, CalendarDays.UTC)).isPresent();
    }

    @Test
    void theLastSevenDaysBeginAtTheSameLocalTimeAcrossADaylightSavingChange() {
        // one session a day at 19:00 in New York from 03-07 (EST) to 03-14 (EDT); as of 03-14 19:30 the last seven days
        // began at 03-07 19:30 EST: 167 hours, so the 03-07 session is not in them (168 hours would reach 18:30 EST)
        List<Instant> sessions = new ArrayList<>();
        for (int d = 7; d <= 14; d++) {
            sessions.add(local(NEW_YORK, "2026-03-%02dT19:00".formatted(d)));
        }
        Instant now = local(NEW_YORK, "2026-03-14T19:30");
        assertThat(Duration.between(NY.daysBefore(now, 7), now)).isEqualTo(Duration.ofHours(167));
        assertThat(WeeklyAdherence.of(sessions, now, 7, NY).sessionsLast7Days()).isEqualTo(7);
        assertThat(WeeklyAdherence.of(sessions, now, 7, CalendarDays.UTC).sessionsLast7Days()).isEqualTo(8);
        // at fall-back the week is 169 hours: a session 168.5 hours back still belongs to it
        Instant nowFall = local(NEW_YORK, "2026-11-07T19:30");
        assertThat(Duration.between(NY.daysBefore(nowFall, 7), nowFall)).isEqualTo(Duration.ofHours(169));
        Instant inTheLongWeek = nowFall.minus(Duration.ofMinutes(168 * 60 + 30));
        assertThat(WeeklyAdherence.of(List.of(inTheLongWeek), nowFall, 7, NY).sessionsLast7Days()).isEqualTo(1);
        assertThat(WeeklyAdherence.of(List.of(inTheLongWeek), nowFall, 7, CalendarDays.UTC).sessionsLast7Days()).isZero();
    }

    @Test
    void theSummaryRecordsItsZoneAndAnswersAdherenceInIt() {
        List<PainReading> readings = laEvenings(LocalDate.parse("2026-06-01"), 10);
        PatientWindow window = PatientWindow.of("p", "c", readings);
        ProgressAssessor assessor = new ProgressAssessor();
        PatientSnapshot inLa = PatientSnapshot.of(window, assessor.assess(window, ExerciseCatalog.EMPTY, window.latestAt(), LA), LA);
        PatientSnapshot inUtc = PatientSnapshot.of(window, assessor.assess(window, ExerciseCatalog.EMPTY, window.latestAt()));
        assertThat(inLa.timeZone()).isEqualTo("America/Los_Angeles");
        assertThat(inLa.calendar()).isEqualTo(LA);
        assertThat(inUtc.timeZone()).isEqualTo("UTC");
        assertThat(inLa.recentPain()).hasSize(10);
        assertThat(inUtc.recentPain()).hasSize(11);
        // a summary stored before zones were is read as UTC
        assertThat(new PatientSnapshot("p", "c", null, null, null, List.of(), List.of(), inUtc.assessment(), null).calendar())
                .isEqualTo(CalendarDays.UTC);
    }

    // ---- properties ----------------------------------------------------------------------------------------

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of("UTC", "America/New_York", "America/Los_Angeles", "Europe/Berlin", "Australia/Sydney",
                "Australia/Lord_Howe", "Asia/Kolkata", "America/St_Johns", "Pacific/Chatham").map(ZoneId::of);
    }

    /** Instants from 2001 to 2040. */
    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(978_307_200L, 2_208_988_800L).map(Instant::ofEpochSecond);
    }

    @Property(tries = 500)
    void everyInstantLiesInItsDayAndEveryDayLastsBetween23And25Hours(@ForAll("zones") ZoneId zone,
                                                                     @ForAll("instants") Instant at) {
        CalendarDays calendar = new CalendarDays(zone);
        LocalDate day = calendar.dayOf(at);
        assertThat(calendar.startOf(day)).isBeforeOrEqualTo(at);
        assertThat(calendar.endOf(day)).isAfter(at);
        assertThat(calendar.dayOf(calendar.startOf(day))).isEqualTo(day);
        assertThat(calendar.dayOf(calendar.endOf(day))).isEqualTo(day.plusDays(1));
        assertThat(Duration.between(calendar.startOf(day), calendar.endOf(day))).isBetween(Duration.ofHours(23), Duration.ofHours(25));
    }

    @Property(tries = 300)
    void daysBeforeGoesBackThatManyCalendarDays(@ForAll("zones") ZoneId zone, @ForAll("instants") Instant at,
                                                @ForAll @IntRange(min = 0, max = 60) int days) {
        CalendarDays calendar = new CalendarDays(zone);
        assertThat(calendar.dayOf(calendar.daysBefore(at, days))).isEqualTo(calendar.dayOf(at).minusDays(days));
        assertThat(Duration.between(calendar.daysBefore(at, days), at).toHours())
                .isBetween(24L * days - 2, 24L * days + 2);
    }

    /**
     * The daily series in a zone is the daily series in UTC of the same sessions moved by their zone's offset at that
     * instant: the day rule is the local wall clock, nothing else.
     */
    @Property(tries = 200)
    void theDailySeriesInAZoneIsTheUtcSeriesOfTheLocalWallClock(@ForAll("zones") ZoneId zone,
            @ForAll @Size(min = 1, max = 40) List<@LongRange(min = 0, max = 120L * 24 * 3600) Long> offsets,
            @ForAll @IntRange(min = 0, max = 10) int pain) {
        Instant base = Instant.parse("2026-02-20T00:00:00Z"); // across the spring changes of both hemispheres' zones
        List<PainReading> readings = new ArrayList<>();
        List<PainReading> wallClock = new ArrayList<>();
        for (int i = 0; i < offsets.size(); i++) {
            Instant at = base.plusSeconds(offsets.get(i));
            int before = (pain + i) % 11;
            readings.add(reading("s" + i, at, before));
            Instant asIfUtc = at.atZone(zone).toLocalDateTime().toInstant(ZoneOffset.UTC);
            wallClock.add(reading("s" + i, asIfUtc, before));
        }
        assertThat(DailySeries.of(readings, new CalendarDays(zone))).isEqualTo(DailySeries.of(wallClock, CalendarDays.UTC));
        assertThat(DailySeries.of(readings, new CalendarDays(zone)).stream().mapToInt(DailySeries.Day::sessions).sum())
                .isEqualTo(offsets.size());
    }
}
