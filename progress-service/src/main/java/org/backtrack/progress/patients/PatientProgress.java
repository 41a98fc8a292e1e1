package org.backtrack.progress.patients;

import org.backtrack.events.Stage;
import org.backtrack.progress.assessment.Assessment;
import org.backtrack.progress.assessment.DailySeries;
import org.backtrack.progress.assessment.ExerciseCatalog;
import org.backtrack.events.ProgressStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The progress document of ARCHITECTURE.md: fixed fields first, additions after. {@code series} and {@code daily}
 * cover the days from {@code seriesFrom} to {@code seriesTo} ({@link SeriesWindow}); {@code sessionCount}, status,
 * trend, adherence, alerts and suggestion cover the whole history. {@code links.next} is the URL of the next (older)
 * window, absent when no session is older than {@code seriesFrom}.
 */
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
        Stage stage,
        Instant firstSessionAt,
        Instant lastSessionAt,
        Instant evaluatedAt,
        LocalDate seriesFrom,
        LocalDate seriesTo,
        Links links) {

    /** @param next the next (older) window of the series, a path-absolute URL; null when there is none */
    public record Links(String next) {
    }

    public PatientProgress withLinks(Links links) {
        return new PatientProgress(patientId, clinicId, sessionCount, status, series, trend, adherence, alerts, suggestion, daily,
                stage, firstSessionAt, lastSessionAt, evaluatedAt, seriesFrom, seriesTo, links);
    }

    /** One session on the pain chart, with the flags that become markers. */
    public record SeriesPoint(String sessionId, Instant completedAt, int painBefore, int painAfter, boolean redFlag,
                              boolean sharpPain, String notes) {
    }
}
