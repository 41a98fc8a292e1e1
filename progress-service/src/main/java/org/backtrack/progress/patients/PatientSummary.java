package org.backtrack.progress.patients;

import org.backtrack.progress.assessment.Assessment;
import org.backtrack.progress.assessment.ProgressStatus;
import org.backtrack.progress.assessment.SuggestedAction;

import java.time.Instant;
import java.util.List;

/** One row of the clinic overview. */
public record PatientSummary(
        String patientId,
        ProgressStatus status,
        int sessionCount,
        Instant lastSessionAt,
        Integer currentPain,
        Assessment.Trend trend,
        Assessment.Adherence adherence,
        List<Assessment.Alert> alerts,
        SuggestedAction suggestedAction) {
}
