package org.backtrack.progress.outcomes.rules;

import org.backtrack.progress.assessment.CalendarDays;
import org.backtrack.progress.assessment.WeeklyAdherence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;

/**
 * How adherent a patient was over a follow-up: the mean, over its weeks, of the assessment's weekly adherence
 * ({@link WeeklyAdherence}: sessions of the seven days against the prescription, at most 1) for each whole week from
 * the first session day. Between 0 and 1.
 */
public final class FollowUpAdherence {

    private FollowUpAdherence() {
    }

    public static double of(Collection<Instant> completions, LocalDate first, FollowUp followUp, int prescribedPerWeek,
                            CalendarDays days) {
        double sum = 0;
        for (int week = 1; week <= followUp.weeks(); week++) {
            // the last instant of the week's last day: WeeklyAdherence counts the seven days up to it, (end - 7 days, end]
            Instant end = days.endOf(first.plusDays(7L * week - 1)).minusNanos(1);
            sum += WeeklyAdherence.of(completions, end, prescribedPerWeek, days).ratio();
        }
        return sum / followUp.weeks();
    }
}
