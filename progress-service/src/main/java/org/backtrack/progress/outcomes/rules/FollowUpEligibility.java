package org.backtrack.progress.outcomes.rules;

import org.backtrack.progress.assessment.CalendarDays;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Optional;

/**
 * Whether a patient has enough data for a follow-up: at least {@link FollowUp#days()} days (28 for four weeks, 56
 * for eight) between the first and the last session day in the window, days counted by {@link CalendarDays}. So a
 * patient eligible at eight weeks is always eligible at four.
 */
public final class FollowUpEligibility {

    private FollowUpEligibility() {
    }

    /** The first and the last session day of a patient's sessions. */
    public record Span(LocalDate first, LocalDate last) {
        public long days() {
            return ChronoUnit.DAYS.between(first, last);
        }
    }

    /** The span of these completion times, empty when there is none. */
    public static Optional<Span> spanOf(Collection<Instant> completions, CalendarDays days) {
        Optional<Instant> first = completions.stream().min(Instant::compareTo);
        Optional<Instant> last = completions.stream().max(Instant::compareTo);
        return first.map(f -> new Span(days.dayOf(f), days.dayOf(last.orElseThrow())));
    }

    public static boolean eligible(Span span, FollowUp followUp) {
        return span.days() >= followUp.days();
    }
}
