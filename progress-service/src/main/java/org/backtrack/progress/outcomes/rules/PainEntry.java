package org.backtrack.progress.outcomes.rules;

import org.backtrack.progress.assessment.CalendarDays;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;

/** What the outcome rules need of one stored session: whose it is, when it was completed, and the pain before it (NPRS 0-10). */
public record PainEntry(String patientId, Instant completedAt, int painBefore) {

    /** The mean pain before of the entries completed on the clinic's days {@code from} to {@code to} (both inclusive); empty when none was. */
    static Optional<Double> meanPain(Collection<PainEntry> entries, LocalDate from, LocalDate to, CalendarDays days) {
        double sum = 0;
        int count = 0;
        for (PainEntry entry : entries) {
            LocalDate day = days.dayOf(entry.completedAt());
            if (!day.isBefore(from) && !day.isAfter(to)) {
                sum += entry.painBefore();
                count++;
            }
        }
        return count == 0 ? Optional.empty() : Optional.of(sum / count);
    }
}
