package org.backtrack.progress.patients;

import org.backtrack.progress.assessment.Assessment;
import org.backtrack.progress.assessment.DailySeries;
import org.backtrack.progress.assessment.ExerciseCatalog;
import org.backtrack.progress.assessment.ProgressStatus;

import java.time.Instant;
import java.util.List;

/** The progress document of ARCHITECTURE.md: fixed fields first, additions after. */
public record PatientProgress(
        String patientId,
        String clinicId,
        int sessionCount,
        ProgressStatus status,
        List<SeriesPoint> series,
        Assessment.Trend trend,
        Assessment.Adherence adherence,
        List<Assessment.Alert> alerts,
        Assessment.Suggestion suggestion,
        List<DailySeries.Day> daily,
        ExerciseCatalog.Stage stage,
        Instant firstSessionAt,
        Instant lastSessionAt,
        Instant evaluatedAt) {

    /** One session on the pain chart, with the flags that become markers. */
    public record SeriesPoint(String sessionId, Instant completedAt, int painBefore, int painAfter, boolean redFlag,
                              boolean sharpPain, String notes) {
    }
}
