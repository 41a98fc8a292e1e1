package org.backtrack.progress.outcomes.rules;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.backtrack.progress.assessment.CalendarDays;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.backtrack.progress.outcomes.rules.Entries.DAY0;
import static org.backtrack.progress.outcomes.rules.Entries.at;

class FollowUpAdherenceTest {

    private static double adherence(List<Instant> completions, FollowUp followUp, int prescribed) {
        return FollowUpAdherence.of(completions, DAY0, followUp, prescribed, CalendarDays.UTC);
    }

    private static List<Instant> everyDay(int lastDay) {
        List<Instant> times = new ArrayList<>();
        for (int day = 0; day <= lastDay; day++) {
            times.add(at(day));
        }
        return times;
    }

    @Test
    void everyDayAgainstDailyIsFull() {
        assertThat(adherence(everyDay(60), FollowUp.FOUR_WEEKS, 7)).isEqualTo(1.0);
        assertThat(adherence(everyDay(60), FollowUp.EIGHT_WEEKS, 7)).isEqualTo(1.0);
    }

    @Test
    void moreThanPrescribedCountsAsFullNotMore() {
        List<Instant> twice = new ArrayList<>(everyDay(60));
        twice.addAll(everyDay(60).stream().map(t -> t.plusSeconds(3600)).toList());
        assertThat(adherence(twice, FollowUp.FOUR_WEEKS, 7)).isEqualTo(1.0);
    }

    @Test
    void theMeanOfTheWeeks() {
        // weeks 1 and 2 full, weeks 3 and 4 empty
        assertThat(adherence(everyDay(13), FollowUp.FOUR_WEEKS, 7)).isEqualTo(0.5);
    }

    @Test
    void threeDaysOfSevenAWeek() {
        List<Instant> times = new ArrayList<>();
        for (int week = 0; week < 8; week++) {
            times.add(at(7 * week));
            times.add(at(7 * week + 2));
            times.add(at(7 * week + 4));
        }
        assertThat(adherence(times, FollowUp.EIGHT_WEEKS, 7)).isCloseTo(3.0 / 7, within(0.01));
        assertThat(adherence(times, FollowUp.EIGHT_WEEKS, 3)).isEqualTo(1.0);
    }

    @Test
    void sessionsAfterTheFollowUpDoNotCount() {
        List<Instant> times = new ArrayList<>(everyDay(6));
        for (int day = 28; day <= 60; day++) {
            times.add(at(day));
        }
        assertThat(adherence(times, FollowUp.FOUR_WEEKS, 7)).isEqualTo(0.25);
    }

    @Test
    void midnightBelongsToTheWeekItStarts() {
        // exactly 00:00 of day 7 is week 2's, 23:59:59.999 of day 6 is week 1's
        Instant week2 = DAY0.plusDays(7).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant week1 = DAY0.plusDays(7).atStartOfDay().toInstant(ZoneOffset.UTC).minusMillis(1);
        double both = adherence(List.of(week1, week2), FollowUp.FOUR_WEEKS, 1);
        assertThat(both).isEqualTo(0.5);
    }

    @Property
    void alwaysBetweenZeroAndOne(@ForAll @Size(max = 120) List<@IntRange(min = 0, max = 70) Integer> days,
                                 @ForAll @IntRange(min = 1, max = 14) int prescribed) {
        List<Instant> times = days.stream().map(Entries::at).toList();
        for (FollowUp followUp : FollowUp.values()) {
            assertThat(adherence(times, followUp, prescribed)).isBetween(0.0, 1.0);
        }
    }
}
