package org.backtrack.progress.evaluation;

import org.backtrack.progress.assessment.Assessment;
import org.backtrack.progress.assessment.ExerciseCatalog;
import org.backtrack.progress.assessment.PainReading;
import org.backtrack.progress.assessment.PatientWindow;
import org.backtrack.progress.assessment.ProgressAssessor;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules alone (no Kafka, no MongoDB) on labelled cohorts of several seeds: fast enough to run on every
 * build and to tune thresholds with. The Kafka-to-API version is {@link CohortEvaluationIntegrationTest}.
 */
class CohortRulesTest {

    final ProgressAssessor assessor = new ProgressAssessor(7);

    @Test
    void everyStatusIsFoundOnSeveralCohorts() {
        for (long seed : new long[]{1, 2, 3, 20261123L}) {
            Instant end = Instant.parse("2026-11-23T12:00:00Z");
            Cohort cohort = Cohort.generate(350, seed, end);
            Map<String, CohortReport.Observed> observed = new HashMap<>();
            List<CohortReport.Transition> transitions = new ArrayList<>();
            for (Cohort.Truth truth : cohort.truths) {
                List<PainReading> readings = cohort.readings.get(truth.patientId());
                Assessment last = assessor.assess(PatientWindow.of(truth.patientId(), Cohort.CLINIC, readings), ExerciseCatalog.EMPTY, end);
                observed.put(truth.patientId(), new CohortReport.Observed(last.status().name(), last.suggestion().action().name()));
                if (Boolean.getBoolean("cohort.debug") && !truth.status().equals(last.status().name())) {
                    System.out.println("DEBUG " + truth.course() + " -> " + last.status() + " " + last.trend());
                }
                transitions.addAll(dailyTransitions(truth.patientId(), readings));
            }
            CohortReport report = new CohortReport(cohort, observed, transitions);
            System.out.println("seed " + seed + ":\n" + report.render(cohort.events.size(), Duration.ZERO));

            assertThat(report.minPrecision()).as("precision, seed %d", seed).isGreaterThanOrEqualTo(0.9);
            assertThat(report.minRecall()).as("recall, seed %d", seed).isGreaterThanOrEqualTo(0.9);
            assertThat(report.scores.get("RED_FLAG").recall()).isEqualTo(1.0);
            assertThat(report.unsafeSuggestions).isZero();
            assertThat(report.medianPlateauDelayDays).isLessThanOrEqualTo(7.0);
        }
    }

    /** The status after each session, in data time, as progress-service publishes it. */
    private List<CohortReport.Transition> dailyTransitions(String patientId, List<PainReading> readings) {
        List<PainReading> sorted = readings.stream().sorted(java.util.Comparator.comparing(PainReading::completedAt)).toList();
        List<CohortReport.Transition> transitions = new ArrayList<>();
        for (int i = 1; i <= sorted.size(); i++) {
            List<PainReading> seen = sorted.subList(0, i);
            Instant asOf = seen.get(i - 1).completedAt();
            Assessment a = assessor.assess(PatientWindow.of(patientId, Cohort.CLINIC, seen), ExerciseCatalog.EMPTY, asOf);
            transitions.add(new CohortReport.Transition(patientId, a.status().name(), asOf));
        }
        return transitions;
    }
}
