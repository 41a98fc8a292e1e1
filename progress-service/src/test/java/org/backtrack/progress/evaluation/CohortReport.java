package org.backtrack.progress.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Compares what progress-service concluded with the cohort's ground truth. */
final class CohortReport {

    static final List<String> STATUSES = List.of("INSUFFICIENT_DATA", "IMPROVING", "PLATEAU", "WORSENING", "RECOVERED", "RED_FLAG");
    static final List<String> PROGRESSIONS = List.of("PROGRESS_TO_DEEPER_STRETCHES", "ADD_STRENGTHENING");

    /** What the service said about one patient. */
    record Observed(String status, String action) {
    }

    /** First published status-changed event of a patient with a given status, in data time. */
    record Transition(String patientId, String status, Instant asOf) {
    }

    record Score(double precision, double recall, int truePositives, int predicted, int actual) {
    }

    final Map<String, Score> scores = new TreeMap<>();
    final int unsafeSuggestions;
    final double consistencyRecall;
    final Double medianPlateauDelayDays;
    final Double maxPlateauDelayDays;
    final Double medianRedFlagDelayDays;
    final int patients;
    final List<String> confusions = new ArrayList<>();

    CohortReport(Cohort cohort, Map<String, Observed> observed, List<Transition> transitions) {
        patients = cohort.truths.size();
        for (String status : STATUSES) {
            int tp = 0;
            int predicted = 0;
            int actual = 0;
            for (Cohort.Truth truth : cohort.truths) {
                boolean isActual = truth.status().equals(status);
                boolean isPredicted = status.equals(observed.get(truth.patientId()).status());
                actual += isActual ? 1 : 0;
                predicted += isPredicted ? 1 : 0;
                tp += isActual && isPredicted ? 1 : 0;
            }
            scores.put(status, new Score(predicted == 0 ? 1.0 : (double) tp / predicted, actual == 0 ? 1.0 : (double) tp / actual,
                    tp, predicted, actual));
        }
        int unsafe = 0;
        int consistencyAsked = 0;
        int poorAdherence = 0;
        for (Cohort.Truth truth : cohort.truths) {
            Observed seen = observed.get(truth.patientId());
            boolean mustNotProgress = truth.course() == Cohort.Course.RED_FLAG || truth.course() == Cohort.Course.WORSENING;
            if (mustNotProgress && PROGRESSIONS.contains(seen.action())) {
                unsafe++;
            }
            if (truth.course() == Cohort.Course.RED_FLAG && !seen.action().equals("SEE_A_PROFESSIONAL")) {
                unsafe++;
            }
            if (truth.course() == Cohort.Course.POOR_ADHERENCE) {
                poorAdherence++;
                consistencyAsked += seen.action().equals("IMPROVE_CONSISTENCY") ? 1 : 0;
            }
            if (!truth.status().equals(seen.status()) && confusions.size() < 15) {
                confusions.add(truth.patientId() + " " + truth.course() + " seen as " + seen.status() + "/" + seen.action());
            }
        }
        unsafeSuggestions = unsafe;
        consistencyRecall = poorAdherence == 0 ? 1.0 : (double) consistencyAsked / poorAdherence;
        List<Double> plateau = delays(cohort, transitions, Cohort.Course.PLATEAU, "PLATEAU");
        List<Double> redFlag = delays(cohort, transitions, Cohort.Course.RED_FLAG, "RED_FLAG");
        medianPlateauDelayDays = median(plateau);
        maxPlateauDelayDays = plateau.isEmpty() ? null : Collections.max(plateau);
        medianRedFlagDelayDays = median(redFlag);
    }

    /**
     * Days from the labelled onset until the patient's status is the expected one: 0 when the status already
     * stood at the onset, else the first change to it after the onset (statuses are published on change only).
     */
    private static List<Double> delays(Cohort cohort, List<Transition> transitions, Cohort.Course course, String status) {
        List<Double> delays = new ArrayList<>();
        for (Cohort.Truth truth : cohort.truths) {
            if (truth.course() != course) {
                continue;
            }
            List<Transition> mine = transitions.stream().filter(t -> t.patientId().equals(truth.patientId()))
                    .sorted(java.util.Comparator.comparing(Transition::asOf)).toList();
            String atOnset = mine.stream().filter(t -> t.asOf().isBefore(truth.onset())).reduce((a, b) -> b)
                    .map(Transition::status).orElse(null);
            if (status.equals(atOnset)) {
                delays.add(0.0);
                continue;
            }
            mine.stream().filter(t -> t.status().equals(status) && !t.asOf().isBefore(truth.onset()))
                    .map(Transition::asOf).findFirst()
                    .ifPresent(first -> delays.add(Duration.between(truth.onset(), first).toHours() / 24.0));
        }
        return delays;
    }

    private static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }

    double minPrecision() {
        return scores.values().stream().mapToDouble(Score::precision).min().orElse(0);
    }

    double minRecall() {
        return scores.values().stream().mapToDouble(Score::recall).min().orElse(0);
    }

    String render(int events, Duration ingestion) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Cohort of %d patients, %d events, ingested in %.1f s (%.0f events/s)%n%n",
                patients, events, ingestion.toMillis() / 1000.0, events * 1000.0 / Math.max(1, ingestion.toMillis())));
        out.append("| status | precision | recall | true positives | predicted | actual |\n|---|---|---|---|---|---|\n");
        scores.forEach((status, s) -> out.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %d | %d | %d |%n",
                status, s.precision(), s.recall(), s.truePositives(), s.predicted(), s.actual())));
        out.append(String.format(Locale.ROOT, "%nPlateau detection delay: median %s days, max %s days (after onset, data time)%n",
                format(medianPlateauDelayDays), format(maxPlateauDelayDays)));
        out.append(String.format(Locale.ROOT, "Red-flag detection delay: median %s days%n", format(medianRedFlagDelayDays)));
        out.append(String.format(Locale.ROOT, "Unsafe suggestions (progression despite red flag or worsening, or red flag without "
                + "SEE_A_PROFESSIONAL): %d%n", unsafeSuggestions));
        out.append(String.format(Locale.ROOT, "Poor adherence asked to improve consistency: %.3f%n", consistencyRecall));
        if (!confusions.isEmpty()) {
            out.append("\nMisclassified (first ").append(confusions.size()).append("):\n");
            confusions.forEach(c -> out.append("  ").append(c).append('\n'));
        }
        return out.toString();
    }

    private static String format(Double days) {
        return days == null ? "n/a" : String.format(Locale.ROOT, "%.1f", days);
    }
}
