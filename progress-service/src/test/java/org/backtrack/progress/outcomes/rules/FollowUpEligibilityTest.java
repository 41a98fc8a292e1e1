package org.backtrack.progress.outcomes.rules;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.backtrack.progress.assessment.CalendarDays;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backtrack.progress.outcomes.rules.Entries.DAY0;
import static org.backtrack.progress.outcomes.rules.Entries.at;

class FollowUpEligibilityTest {

    private static FollowUpEligibility.Span span(int lastDay) {
        return new FollowUpEligibility.Span(DAY0, DAY0.plusDays(lastDay));
    }

    @Test
    void twentyEightDaysBetweenFirstAndLastIsFourWeeks() {
        assertThat(FollowUpEligibility.eligible(span(28), FollowUp.FOUR_WEEKS)).isTrue();
        assertThat(FollowUpEligibility.eligible(span(27), FollowUp.FOUR_WEEKS)).isFalse();
    }

    @Test
    void fiftySixDaysBetweenFirstAndLastIsEightWeeks() {
        assertThat(FollowUpEligibility.eligible(span(56), FollowUp.EIGHT_WEEKS)).isTrue();
        assertThat(FollowUpEligibility.eligible(span(55), FollowUp.EIGHT_WEEKS)).isFalse();
    }

    @Test
    void aSingleDayIsNoFollowUp() {
        assertThat(FollowUpEligibility.eligible(span(0), FollowUp.FOUR_WEEKS)).isFalse();
    }

    @Test
    void daysAreCalendarDaysNotHoursBetween() {
        // 23:59 on day 0 to 00:01 on day 28: 27 days and 2 minutes apart, but 28 calendar days
        Instant first = DAY0.atTime(23, 59).toInstant(ZoneOffset.UTC);
        Instant last = DAY0.plusDays(28).atTime(0, 1).toInstant(ZoneOffset.UTC);
        FollowUpEligibility.Span span = FollowUpEligibility.spanOf(List.of(last, first), CalendarDays.UTC).orElseThrow();
        assertThat(span.days()).isEqualTo(28);
        assertThat(FollowUpEligibility.eligible(span, FollowUp.FOUR_WEEKS)).isTrue();
    }

    @Test
    void theSpanIsFromTheEarliestToTheLatestWhateverTheOrder() {
        FollowUpEligibility.Span span = FollowUpEligibility.spanOf(List.of(at(10), at(3), at(40), at(0)), CalendarDays.UTC)
                .orElseThrow();
        assertThat(span.first()).isEqualTo(DAY0);
        assertThat(span.last()).isEqualTo(DAY0.plusDays(40));
    }

    @Test
    void noSessionNoSpan() {
        assertThat(FollowUpEligibility.spanOf(List.of(), CalendarDays.UTC)).isEmpty();
    }

    @Test
    void anotherTimeZoneCountsItsOwnDays() {
        CalendarDays berlin = new CalendarDays(java.time.ZoneId.of("Europe/Berlin"));
        // 23:30 UTC is already the next day in Berlin
        Instant first = DAY0.atTime(23, 30).toInstant(ZoneOffset.UTC);
        Instant last = DAY0.plusDays(28).atTime(12, 0).toInstant(ZoneOffset.UTC);
        assertThat(FollowUpEligibility.spanOf(List.of(first, last), berlin).orElseThrow().days()).isEqualTo(27);
        assertThat(FollowUpEligibility.spanOf(List.of(first, last), CalendarDays.UTC).orElseThrow().days()).isEqualTo(28);
    }

    @Property
    void eligibleAtEightWeeksIsAlwaysEligibleAtFour(@ForAll @IntRange(min = 0, max = 400) int lastDay) {
        FollowUpEligibility.Span span = span(lastDay);
        if (FollowUpEligibility.eligible(span, FollowUp.EIGHT_WEEKS)) {
            assertThat(FollowUpEligibility.eligible(span, FollowUp.FOUR_WEEKS)).isTrue();
        }
    }

    @Property
    void eligibleExactlyFromTheFollowUpsDays(@ForAll @IntRange(min = 0, max = 400) int lastDay) {
        for (FollowUp followUp : FollowUp.values()) {
            assertThat(FollowUpEligibility.eligible(span(lastDay), followUp)).isEqualTo(lastDay >= followUp.days());
        }
    }

    @Test
    void followUpsAreFourAndEightWeeks() {
        assertThat(FollowUp.FOUR_WEEKS.days()).isEqualTo(28);
        assertThat(FollowUp.EIGHT_WEEKS.days()).isEqualTo(56);
    }
}
