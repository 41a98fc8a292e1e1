package org.backtrack.progress.patients;

import org.backtrack.progress.assessment.Assessment;
import org.backtrack.progress.assessment.DailySeries;
import org.backtrack.progress.assessment.PainReading;
import org.backtrack.progress.assessment.PatientWindow;
import org.backtrack.progress.assessment.ProgressAssessor;
import org.backtrack.progress.assessment.ProgressStatus;
import org.backtrack.progress.catalog.CatalogSnapshot;
import org.backtrack.progress.readmodel.PatientWindows;
import org.backtrack.progress.sessions.RecordedSession;
import org.backtrack.progress.sessions.RecordedSessions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Progress documents and the clinic overview, assessed as of now from the read models and raw sessions. */
@Service
public class ProgressQueries {

    /** Order of the overview: who needs a clinician first. */
    static final List<ProgressStatus> ATTENTION_ORDER = List.of(ProgressStatus.RED_FLAG, ProgressStatus.WORSENING,
            ProgressStatus.PLATEAU, ProgressStatus.INSUFFICIENT_DATA, ProgressStatus.IMPROVING, ProgressStatus.RECOVERED);
    static final int SPARKLINE_DAYS = 14;

    private final RecordedSessions sessions;
    private final PatientWindows windows;
    private final CatalogSnapshot catalog;
    private final ProgressAssessor assessor;
    private final Clock clock;

    ProgressQueries(RecordedSessions sessions, PatientWindows windows, CatalogSnapshot catalog,
                    @Value("${backtrack.progress.prescribed-sessions-per-week}") int prescribedPerWeek, Optional<Clock> clock) {
        this.sessions = sessions;
        this.windows = windows;
        this.catalog = catalog;
        this.assessor = new ProgressAssessor(prescribedPerWeek);
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** The progress of a patient of {@code clinicId}: everything read is keyed by that clinic. */
    public Optional<PatientProgress> progressOf(String clinicId, String patientId) {
        List<RecordedSession> recorded = sessions.ofPatient(clinicId, patientId);
        if (recorded.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        List<PainReading> readings = recorded.stream().map(RecordedSessions::reading).toList();
        PatientWindow window = windows.find(clinicId, patientId).orElseGet(() -> PatientWindow.of(patientId, clinicId, readings));
        Assessment assessment = assessor.assess(window, catalog.current(), now);
        var series = recorded.stream().map(r -> new PatientProgress.SeriesPoint(r.sessionId(), r.completedAt(),
                r.session().painBefore(), r.session().painAfter(), r.session().flagsOrNone().anyRedFlag(),
                r.session().flagsOrNone().sharpPain(), r.session().notes())).toList();
        return Optional.of(new PatientProgress(patientId, clinicId, recorded.size(), assessment.status(), series,
                assessment.trend(), assessment.adherence(), assessment.alerts(), assessment.suggestion(),
                DailySeries.of(readings), assessment.stage(), window.firstAt(), window.latestAt(), now));
    }

    public List<PatientSummary> overviewOf(String clinicId, Optional<ProgressStatus> statusFilter) {
        Instant now = clock.instant();
        Map<String, Integer> counts = sessions.countsByPatient(clinicId);
        return windows.ofClinic(clinicId).stream()
                .map(window -> summarize(window, counts.getOrDefault(window.patientId(), 0), now))
                .filter(summary -> statusFilter.map(s -> s == summary.status()).orElse(true))
                .sorted(Comparator.comparing((PatientSummary s) -> !s.needsAttention())
                        .thenComparing(s -> ATTENTION_ORDER.indexOf(s.status()))
                        .thenComparing(PatientSummary::patientId))
                .toList();
    }

    private PatientSummary summarize(PatientWindow window, int sessionCount, Instant now) {
        Assessment assessment = assessor.assess(window, catalog.current(), now);
        List<PainReading> recent = window.recent();
        PainReading latest = recent.isEmpty() ? null : recent.get(recent.size() - 1);
        boolean disengaged = assessment.alerts().stream().anyMatch(a -> a.type() == Assessment.AlertType.NO_SESSION_3_DAYS
                || a.type() == Assessment.AlertType.NO_SESSION_14_DAYS);
        boolean attention = disengaged || assessment.status() == ProgressStatus.RED_FLAG
                || assessment.status() == ProgressStatus.WORSENING || assessment.status() == ProgressStatus.PLATEAU;
        Instant since = window.latestAt() == null ? now : window.latestAt().minus(Duration.ofDays(SPARKLINE_DAYS));
        List<Double> sparkline = DailySeries.of(recent.stream().filter(r -> r.completedAt().isAfter(since)).toList())
                .stream().map(DailySeries.Day::painBefore).toList();
        return new PatientSummary(window.patientId(), assessment.status(), attention, sessionCount, window.latestAt(),
                latest == null ? null : latest.painBefore(), assessment.trend(), assessment.adherence(), assessment.alerts(),
                assessment.suggestion().action(), sparkline);
    }
}
