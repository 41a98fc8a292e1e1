package org.backtrack.progress.patients;

import org.backtrack.progress.assessment.Assessment;
import org.backtrack.events.ProgressStatus;
import org.backtrack.events.SuggestedAction;

import java.time.Instant;
import java.util.List;

/**
 * One row of the clinic overview.
 *
 * @param currentPain   pain before the latest session
 * @param recentPain    daily mean pain before over the last two weeks with data, oldest first (a sparkline)
 * @param needsAttention red flag, worsening, plateau or no session for three days or more
 */
public record PatientSummary(
        String patientId,
        ProgressStatus status,
        boolean needsAttention,
        int sessionCount,
        Instant lastSessionAt,
        Integer currentPain,
        Assessment.Trend trend,
        Assessment.Adherence adherence,
        List<Assessment.Alert> alerts,
        SuggestedAction suggestedAction,
        List<Double> recentPain) {
}
