package org.backtrack.progress.outcomes.rules;

import org.backtrack.progress.assessment.CalendarDays;
import org.backtrack.progress.assessment.TrendAnalysis;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;

/**
 * Whether a patient responded by the end of a follow-up. Baseline: the mean pain before of the sessions of the first
 * seven days from the patient's first session day (days 0-6). Current: the mean pain before of the sessions of the
 * follow-up's last seven days (days {@code 7w-7} to {@code 7w-1}). A responder is a patient whose drop
 * (baseline - current) is a meaningful one by the rule the assessment itself uses,
 * {@link TrendAnalysis#meaningfulDrop}: at least the baseline's minimal important change
 * ({@link TrendAnalysis#minimalImportantChange}), or {@link TrendAnalysis#RELATIVE_MIC} of the baseline while at least
 * {@link TrendAnalysis#MIN_RELATIVE_DROP_POINTS}. A patient with no session in the follow-up's last week cannot be
 * measured (empty).
 */
public final class ResponderRule {

    /** Days averaged for the baseline and for the current pain. */
    public static final int WEEK_DAYS = 7;

    private ResponderRule() {
    }

    /**
     * One patient's result at a follow-up.
     *
     * @param changePoints  current - baseline (negative: less pain)
     * @param changePercent the change as a percentage of the baseline; null when the baseline is 0
     */
    public record Response(double baseline, double current, double changePoints, Double changePercent, boolean responder) {
    }

    /**
     * @param entries the patient's sessions (others' are ignored)
     * @param first   the patient's first session day
     */
    public static Optional<Response> of(Collection<PainEntry> entries, LocalDate first, FollowUp followUp, CalendarDays days) {
        Optional<Double> baseline = PainEntry.meanPain(entries, first, first.plusDays(WEEK_DAYS - 1L), days);
        LocalDate lastDay = first.plusDays(followUp.days() - 1L);
        Optional<Double> current = PainEntry.meanPain(entries, lastDay.minusDays(WEEK_DAYS - 1L), lastDay, days);
        if (baseline.isEmpty() || current.isEmpty()) {
            return Optional.empty();
        }
        double b = baseline.get();
        double c = current.get();
        double change = c - b;
        return Optional.of(new Response(b, c, change, b == 0 ? null : 100 * change / b, TrendAnalysis.meaningfulDrop(b, -change)));
    }
}
