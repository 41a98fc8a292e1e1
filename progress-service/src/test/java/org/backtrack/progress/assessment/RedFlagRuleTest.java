package org.backtrack.progress.assessment;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class RedFlagRuleTest {

    static final Instant DAY0 = Instant.parse("2026-03-02T00:00:00Z");

    static PainReading flag(String id, Instant completedAt, Instant recordedAt) {
        return new PainReading(id, completedAt, 5, 4, false, true, List.of(), recordedAt);
    }

    static Instant at(int day, int minute) {
        return DAY0.plus(Duration.ofDays(day)).plus(Duration.ofMinutes(minute));
    }

    @ParameterizedTest(name = "completed day {0}, recorded day {1}, assessed day {2}: shown {3}")
    @CsvSource({
            "10, 10, 10, true",   // the day it happens
            "10, 10, 23, true",   // the 13th day after
            "10, 10, 24, false",  // two weeks later
            "10, 26, 26, true",   // synced 16 days late: shown from its arrival...
            "10, 26, 39, true",   // ...through the 13th day after the arrival
            "10, 26, 40, false",
            "10, 26, 25, true",   // recorded after the latest session of the day before it arrived: shown
            "10, 3, 23, true",    // a recording time before completion (clock skew) counts as completion
            "10, 3, 24, false"})
    void shownFromTheDayItIsKnownForTwoWeeks(int completedDay, int recordedDay, int assessedDay, boolean shown) {
        PainReading r = flag("s", at(completedDay, 600), at(recordedDay, 700));
        assertThat(RedFlagRule.shown(List.of(r), at(assessedDay, 1200)).isPresent()).isEqualTo(shown);
    }

    /** Random completion, recording delay and assessment day: shown exactly on the 14 calendar days from the day known. */
    @ParameterizedTest(name = "case {index}")
    @MethodSource("randomCases")
    void shownExactlyOnTheFourteenDaysFromTheDayKnown(int completedDay, int completedMinute, int delayMinutes, int assessedDay,
                                                      int assessedMinute) {
        Instant completed = at(completedDay, completedMinute);
        Instant recorded = completed.plus(Duration.ofMinutes(delayMinutes));
        Instant now = at(assessedDay, assessedMinute);
        long knownDay = CalendarDays.UTC.dayOf(delayMinutes > 0 ? recorded : completed).toEpochDay();
        long today = CalendarDays.UTC.dayOf(now).toEpochDay();
        boolean expected = today - knownDay < RedFlagRule.SHOWN_DAYS;
        assertThat(RedFlagRule.shown(List.of(flag("s", completed, recorded)), now).isPresent()).isEqualTo(expected);
        // a reading without a red flag is never shown, and a missing recording time is its completion
        assertThat(RedFlagRule.shown(List.of(new PainReading("s", completed, 5, 4, false, false, List.of(), recorded)), now)).isEmpty();
        assertThat(RedFlagRule.shown(List.of(flag("s", completed, null)), now).isPresent())
                .isEqualTo(today - CalendarDays.UTC.dayOf(completed).toEpochDay() < RedFlagRule.SHOWN_DAYS);
    }

    static Stream<Arguments> randomCases() {
        Random random = new Random(16);
        List<Arguments> cases = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            int completedDay = random.nextInt(30);
            int delay = random.nextInt(4) == 0 ? -random.nextInt(600) : random.nextInt(25 * 24 * 60);
            cases.add(Arguments.of(completedDay, random.nextInt(1440), delay, completedDay + random.nextInt(45), random.nextInt(1440)));
        }
        return cases.stream();
    }

    @org.junit.jupiter.api.Test
    void theLatestShownFlagIsTheOneReported() {
        PainReading early = flag("a", at(20, 60), at(20, 61));
        PainReading late = flag("b", at(22, 60), at(22, 61));
        PainReading old = flag("c", at(1, 60), at(1, 61));
        assertThat(RedFlagRule.shown(List.of(old, late, early), at(25, 0))).contains(late);
        assertThat(RedFlagRule.shown(List.of(old), at(25, 0))).isEmpty();
    }
}
