package org.backtrack.progress.outcomes.rules;

import org.backtrack.progress.assessment.CalendarDays;
import org.backtrack.progress.assessment.TrendAnalysis;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.backtrack.progress.outcomes.rules.Entries.DAY0;
import static org.backtrack.progress.outcomes.rules.Entries.entry;
import static org.backtrack.progress.outcomes.rules.Entries.flat;

class ResponderRuleTest {

    private static ResponderRule.Response respond(List<PainEntry> entries, FollowUp followUp) {
        return ResponderRule.of(entries, DAY0, followUp, CalendarDays.UTC).orElseThrow();
    }

    /** Baseline pain on days 0-6, current pain on days 21-27 (and after), one session a day. */
    private static List<PainEntry> fromTo(int baseline, int current) {
        List<PainEntry> entries = new ArrayList<>();
        for (int day = 0; day <= 60; day++) {
            entries.add(entry("p", day, day < 7 ? baseline : current));
        }
        return entries;
    }

    @Test
    void aModerateBaselineFallingTwoPointsResponds() {
        ResponderRule.Response r = respond(fromTo(6, 4), FollowUp.FOUR_WEEKS);
        assertThat(r.baseline()).isEqualTo(6.0);
        assertThat(r.current()).isEqualTo(4.0);
        assertThat(r.changePoints()).isEqualTo(-2.0);
        assertThat(r.changePercent()).isCloseTo(-33.33, within(0.01));
        assertThat(r.responder()).isTrue();
    }

    @Test
    void aModerateBaselineFallingOnePointDoesNot() {
        // 1 of 6 is 17%: neither the 2-point MIC nor 30%
        assertThat(respond(fromTo(6, 5), FollowUp.FOUR_WEEKS).responder()).isFalse();
    }

    @Test
    void aSevereBaselineNeedsThreePointsOrThirtyPercent() {
        // baseline 9: MIC 3; a 2-point drop is 22%
        assertThat(respond(fromTo(9, 7), FollowUp.FOUR_WEEKS).responder()).isFalse();
        assertThat(respond(fromTo(9, 6), FollowUp.FOUR_WEEKS).responder()).isTrue();
    }

    @Test
    void aMildBaselineRespondsWithOnePoint() {
        assertThat(respond(fromTo(3, 2), FollowUp.FOUR_WEEKS).responder()).isTrue();
        assertThat(respond(fromTo(3, 3), FollowUp.FOUR_WEEKS).responder()).isFalse();
    }

    @Test
    void theThresholdIsTheAssessmentsOwnRule() {
        for (int baseline = 0; baseline <= 10; baseline++) {
            for (int current = 0; current <= 10; current++) {
                assertThat(respond(fromTo(baseline, current), FollowUp.FOUR_WEEKS).responder())
                        .as("baseline %d current %d", baseline, current)
                        .isEqualTo(TrendAnalysis.meaningfulDrop(baseline, baseline - current));
            }
        }
    }

    @Test
    void worseningIsAPositiveChangeAndNoResponse() {
        ResponderRule.Response r = respond(fromTo(4, 7), FollowUp.FOUR_WEEKS);
        assertThat(r.changePoints()).isEqualTo(3.0);
        assertThat(r.changePercent()).isEqualTo(75.0);
        assertThat(r.responder()).isFalse();
    }

    @Test
    void aZeroBaselineHasNoPercent() {
        ResponderRule.Response r = respond(fromTo(0, 0), FollowUp.FOUR_WEEKS);
        assertThat(r.changePercent()).isNull();
        assertThat(r.responder()).isFalse();
    }

    @Test
    void baselineIsTheMeanOfTheFirstSevenDaysSessions() {
        List<PainEntry> entries = new ArrayList<>(flat("p", 60, 2));
        entries.removeIf(e -> e.completedAt().isBefore(Entries.at(7)));
        entries.add(entry("p", 0, 8));
        entries.add(entry("p", 0, 6)); // two sessions on day 0
        entries.add(entry("p", 6, 4));
        entries.add(entry("p", 7, 10)); // day 7: not baseline
        assertThat(respond(entries, FollowUp.FOUR_WEEKS).baseline()).isEqualTo(6.0);
    }

    @Test
    void currentIsTheFollowUpsLastWeekNotTheLatestSessions() {
        List<PainEntry> entries = new ArrayList<>();
        for (int day = 0; day <= 70; day++) {
            entries.add(entry("p", day, day < 21 ? 7 : day < 28 ? 4 : day < 49 ? 9 : day < 56 ? 2 : 10));
        }
        assertThat(respond(entries, FollowUp.FOUR_WEEKS).current()).isEqualTo(4.0);
        assertThat(respond(entries, FollowUp.EIGHT_WEEKS).current()).isEqualTo(2.0);
    }

    @Test
    void noSessionInTheFollowUpsLastWeekCannotBeMeasured() {
        List<PainEntry> entries = new ArrayList<>(flat("p", 20, 6));
        entries.add(entry("p", 30, 2)); // eligible at four weeks, but nothing on days 21-27
        assertThat(ResponderRule.of(entries, DAY0, FollowUp.FOUR_WEEKS, CalendarDays.UTC)).isEmpty();
    }

    @Test
    void oneSessionInTheLastWeekIsEnough() {
        List<PainEntry> entries = new ArrayList<>(flat("p", 6, 6));
        entries.add(entry("p", 27, 3));
        entries.add(entry("p", 28, 9));
        ResponderRule.Response r = respond(entries, FollowUp.FOUR_WEEKS);
        assertThat(r.current()).isEqualTo(3.0);
        assertThat(r.responder()).isTrue();
    }

    @Test
    void theFirstDayIsTheCallersNotTheEarliestEntry() {
        // the first day is decided by eligibility; entries before it (none in practice) do not shift the baseline
        List<PainEntry> entries = new ArrayList<>(flat("p", 60, 5));
        entries.add(entry("p", -3, 10));
        assertThat(respond(entries, FollowUp.FOUR_WEEKS).baseline()).isEqualTo(5.0);
    }
}
