package org.backtrack.progress.outcomes.rules;

import org.backtrack.progress.assessment.CalendarDays;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A clinic's outcomes from the sessions of a window: how many patients have data, and per {@link FollowUp} how many
 * are eligible ({@link FollowUpEligibility}), measured and responders ({@link ResponderRule}), the share of responders
 * among the measured, and the medians of the change (points, percent) and of the adherence
 * ({@link FollowUpAdherence}). Medians: the middle value, or for an even count the mean of the two middle values;
 * null when there is no value. Shares are between 0 and 1, null when nobody was measured.
 */
public final class ClinicOutcomes {

    private ClinicOutcomes() {
    }

    /**
     * One follow-up's figures.
     *
     * @param eligible              patients with at least {@code minimumDays} days between first and last session day
     * @param measured              eligible patients with sessions in both the first and the follow-up's last week
     * @param responders            measured patients whose drop is a meaningful one
     * @param responderShare        responders / measured (null when none measured)
     * @param medianChangePoints    median of current - baseline over the measured (negative: less pain)
     * @param medianChangePercent   median of the change in percent of the baseline, over the measured with a baseline above 0
     * @param medianAdherence       median follow-up adherence (0-1) over the eligible
     */
    public record FollowUpOutcome(int weeks, int minimumDays, int eligible, int measured, int responders, Double responderShare,
                                  Double medianChangePoints, Double medianChangePercent, Double medianAdherence) {
    }

    /** The clinic's outcomes: patients with at least one session in the window, and one entry per follow-up. */
    public record Result(int patientsWithData, List<FollowUpOutcome> followUps) {
    }

    /** @param entries the clinic's sessions in the window, in any order */
    public static Result of(Collection<PainEntry> entries, int prescribedPerWeek, CalendarDays days) {
        Map<String, List<PainEntry>> byPatient = new LinkedHashMap<>();
        entries.forEach(e -> byPatient.computeIfAbsent(e.patientId(), p -> new ArrayList<>()).add(e));
        List<FollowUpOutcome> followUps = new ArrayList<>();
        for (FollowUp followUp : FollowUp.values()) {
            followUps.add(followUp(byPatient, followUp, prescribedPerWeek, days));
        }
        return new Result(byPatient.size(), List.copyOf(followUps));
    }

    /** The outcomes of one group of patients (a starting stage, a program). */
    public record Group(String key, Result result) {
    }

    /**
     * The outcomes per group: each patient counts in the group {@code groupOf} gives its patient id, with the same rules
     * as {@link #of}; groups in key order, only groups with patients.
     */
    public static List<Group> byGroup(Collection<PainEntry> entries, java.util.function.Function<String, String> groupOf,
                                      int prescribedPerWeek, CalendarDays days) {
        Map<String, List<PainEntry>> byGroup = new java.util.TreeMap<>();
        entries.forEach(e -> byGroup.computeIfAbsent(groupOf.apply(e.patientId()), g -> new ArrayList<>()).add(e));
        List<Group> groups = new ArrayList<>();
        byGroup.forEach((key, ofGroup) -> groups.add(new Group(key, of(ofGroup, prescribedPerWeek, days))));
        return List.copyOf(groups);
    }

    private static FollowUpOutcome followUp(Map<String, List<PainEntry>> byPatient, FollowUp followUp, int prescribedPerWeek,
                                            CalendarDays days) {
        int eligible = 0;
        int responders = 0;
        List<Double> points = new ArrayList<>();
        List<Double> percents = new ArrayList<>();
        List<Double> adherence = new ArrayList<>();
        for (List<PainEntry> patient : byPatient.values()) {
            List<Instant> completions = patient.stream().map(PainEntry::completedAt).toList();
            FollowUpEligibility.Span span = FollowUpEligibility.spanOf(completions, days).orElseThrow();
            if (!FollowUpEligibility.eligible(span, followUp)) {
                continue;
            }
            eligible++;
            adherence.add(FollowUpAdherence.of(completions, span.first(), followUp, prescribedPerWeek, days));
            Optional<ResponderRule.Response> response = ResponderRule.of(patient, span.first(), followUp, days);
            if (response.isEmpty()) {
                continue;
            }
            points.add(response.get().changePoints());
            if (response.get().changePercent() != null) {
                percents.add(response.get().changePercent());
            }
            if (response.get().responder()) {
                responders++;
            }
        }
        int measured = points.size();
        return new FollowUpOutcome(followUp.weeks(), followUp.days(), eligible, measured, responders,
                measured == 0 ? null : (double) responders / measured, median(points), median(percents), median(adherence));
    }

    /** The middle value; for an even count the mean of the two middle values; null for none. Not rounded (the
     * answer rounds). */
    public static Double median(Collection<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
        return median;
    }
}
