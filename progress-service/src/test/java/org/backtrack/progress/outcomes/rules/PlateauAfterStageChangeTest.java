package org.backtrack.progress.outcomes.rules;

import org.backtrack.progress.assessment.CalendarDays;
import org.backtrack.progress.assessment.PainReading;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PlateauAfterStageChangeTest {

    private static final LocalDate FROM = Entries.DAY0;
    private static final LocalDate TO = Entries.DAY0.plusDays(120);
    private static final LocalDate LATER = Entries.DAY0.plusDays(200);

    /** One session a day at noon UTC on days 0..{@code lastDay}: {@code flat} until the change day, then {@code after}. */
    static List<PainReading> sessions(int lastDay, int changeDay, int flat, int after) {
        List<PainReading> readings = new ArrayList<>();
        for (int day = 0; day <= lastDay; day++) {
            int pain = day <= changeDay ? flat : after;
            readings.add(new PainReading("s" + day, Entries.at(day), pain, Math.max(0, pain - 1), false, false));
        }
        return readings;
    }

    static PlateauAfterStageChange.StageChange changeOn(int day) {
        return new PlateauAfterStageChange.StageChange(Entries.at(day).plusSeconds(3600), "BASIC", "DEEPER");
    }

    static Optional<PlateauAfterStageChange.Outcome> outcome(List<PainReading> readings, int changeDay, LocalDate today) {
        return PlateauAfterStageChange.of("p", "c", readings, List.of(changeOn(changeDay)), FROM, TO, today, CalendarDays.UTC);
    }

    @Test
    void aFlatPlateauThenAStageChangeThenTwoPointsLessImprovedInTheFirstWeek() {
        var outcome = outcome(sessions(60, 25, 5, 3), 25, LATER).orElseThrow();
        assertThat(outcome.baseline()).isEqualTo(5.0);
        assertThat(outcome.improvedInWeek()).isEqualTo(1);
        assertThat(outcome.measured()).isTrue();
    }

    @Test
    void oneMeaningfulPointShortIsNotImprovedAndCountsOnceTheWeeksAreOver() {
        // baseline 5: the MIC is 2 points (and 30% of 5 is 1.5): a drop of 1 is not meaningful
        var outcome = outcome(sessions(60, 25, 5, 4), 25, LATER).orElseThrow();
        assertThat(outcome.improved()).isFalse();
        assertThat(outcome.measured()).isTrue();
        // still within its 4 weeks (day 25 + 28 = day 53 not over): not measured yet
        assertThat(outcome(sessions(40, 25, 5, 4), 25, Entries.DAY0.plusDays(53)).orElseThrow().measured()).isFalse();
        assertThat(outcome(sessions(40, 25, 5, 4), 25, Entries.DAY0.plusDays(54)).orElseThrow().measured()).isTrue();
    }

    @Test
    void aChangeWhileImprovingIsNoPlateau() {
        List<PainReading> falling = new ArrayList<>();
        for (int day = 0; day <= 60; day++) {
            int pain = (int) Math.round(8 - 0.15 * day);
            falling.add(new PainReading("s" + day, Entries.at(day), Math.max(0, pain), Math.max(0, pain - 1), false, false));
        }
        assertThat(outcome(falling, 25, LATER)).isEmpty();
    }

    @Test
    void tooFewSessionsBeforeTheChangeIsNoPlateauAndAChangeOutsideTheWindowIsIgnored() {
        assertThat(outcome(sessions(30, 3, 5, 3), 3, LATER)).isEmpty(); // INSUFFICIENT_DATA at the change
        assertThat(PlateauAfterStageChange.of("p", "c", sessions(60, 25, 5, 3), List.of(changeOn(25)), FROM.plusDays(26), TO, LATER,
                CalendarDays.UTC)).isEmpty();
    }

    @Test
    void theChangesDayIsTheClinicsDay() {
        // a change at 23:30 UTC on day 25 is on day 25 in New York (18:30) but day 26 in Tokyo: the window ending on day 25
        // in New York holds it; the Tokyo one does not
        var late = new PlateauAfterStageChange.StageChange(Entries.at(25).plusSeconds(11 * 3600 + 1800), "BASIC", "DEEPER");
        var readings = sessions(60, 25, 5, 3);
        LocalDate day25 = Entries.DAY0.plusDays(25);
        assertThat(PlateauAfterStageChange.of("p", "c", readings, List.of(late), FROM, day25, LATER,
                new CalendarDays(ZoneId.of("America/New_York")))).isPresent();
        assertThat(PlateauAfterStageChange.of("p", "c", readings, List.of(late), FROM, day25, LATER,
                new CalendarDays(ZoneId.of("Asia/Tokyo")))).isEmpty();
    }

    @Test
    void theFiguresShareImprovedAmongTheMeasured() {
        var improved = new PlateauAfterStageChange.Outcome(changeOn(1), 5.0, 2, true);
        var flat = new PlateauAfterStageChange.Outcome(changeOn(1), 5.0, null, true);
        var pending = new PlateauAfterStageChange.Outcome(changeOn(1), 5.0, null, false);
        var figures = PlateauAfterStageChange.Figures.of(List.of(improved, flat, pending));
        assertThat(figures).isEqualTo(new PlateauAfterStageChange.Figures(4, 3, 2, 1, 0.5));
        assertThat(PlateauAfterStageChange.Figures.of(List.of()).improvedShare()).isNull();
    }

    @Test
    void entriesAtNoonUtc() {
        assertThat(Entries.at(0)).isEqualTo(Instant.parse("2026-03-02T12:00:00Z"));
    }
}
