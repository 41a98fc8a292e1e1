package org.backtrack.progress.patients;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.backtrack.progress.assessment.Assessment;
import org.backtrack.progress.assessment.CalendarDays;
import org.backtrack.progress.assessment.DailySeries;
import org.backtrack.progress.assessment.PatientSnapshot;
import org.backtrack.progress.assessment.PatientWindow;
import org.backtrack.progress.assessment.ProgressAssessor;
import org.backtrack.events.ProgressStatus;
import org.backtrack.progress.catalog.CatalogSnapshot;
import org.backtrack.progress.clinics.ClinicSettings;
import org.backtrack.progress.readmodel.PatientSummaries;
import org.backtrack.progress.readmodel.PatientWindows;
import org.backtrack.progress.sessions.RecordedSession;
import org.backtrack.progress.sessions.RecordedSessions;
import org.backtrack.paging.Paging;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Progress documents and the clinic overview. A progress document is assessed as of now from the patient's window
 * and reads only the sessions of the requested {@link SeriesWindow}; the overview reads the stored summaries
 * ({@link PatientSummaries}) a page at a time and works out only what depends on the clock.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ProgressQueries {

    private final RecordedSessions sessions;
    private final PatientWindows windows;
    private final PatientSummaries summaries;
    private final CatalogSnapshot catalog;
    private final ProgressAssessor assessor;
    private final ClinicSettings settings;
    private final Clock clock;

    /** Today in the clinic's days, the default end of a series window. */
    public LocalDate today(String clinicId) {
        return calendarOf(clinicId).dayOf(clock.instant());
    }

    private CalendarDays calendarOf(String clinicId) {
        return clinicId == null ? CalendarDays.UTC : settings.calendarOf(clinicId);
    }

    /**
     * The progress of a patient of {@code clinicId}, its series limited to {@code window}: everything read is keyed by
     * that clinic.
     *
     * @param linkTo the URL of a window of this patient's progress, for the link to the next (older) one
     */
    public Optional<PatientProgress> progressOf(String clinicId, String patientId, SeriesWindow window,
                                                Function<SeriesWindow, String> linkTo) {
        // every day of the document is a day of the clinic (its time zone): the series, the trend, the status, adherence
        CalendarDays calendar = calendarOf(clinicId);
        Instant start = window.start(calendar);
        // the days before the window are read too, so the 7-day rolling mean of its first days is complete
        Instant readFrom = calendar.startOf(window.from().minusDays(DailySeries.ROLLING_DAYS - 1L));
        RecordedSessions.History history = sessions.historyOf(clinicId, patientId, readFrom, window.end(calendar));
        int sessionCount = history.sessionCount();
        if (sessionCount == 0) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        List<RecordedSession> recorded = history.between();
        PatientWindow patientWindow = windows.find(clinicId, patientId).orElseGet(() -> windows.recompute(patientId, clinicId));
        Assessment assessment = assessor.assess(patientWindow, catalog.current(), now, calendar);
        var series = recorded.stream().filter(r -> !r.completedAt().isBefore(start))
                .map(r -> new PatientProgress.SeriesPoint(r.sessionId(), r.completedAt(),
                r.session().painBefore(), r.session().painAfter(), r.session().flagsOrNone().anyRedFlag(),
                r.session().flagsOrNone().sharpPain(), r.session().notes())).toList();
        var daily = DailySeries.of(recorded.stream().map(RecordedSessions::reading).toList(), calendar).stream()
                .filter(day -> !day.date().isBefore(window.from())).toList();
        boolean older = patientWindow.firstAt() != null && patientWindow.firstAt().isBefore(start);
        return Optional.of(new PatientProgress(patientId, clinicId, sessionCount, assessment.status(), series,
                assessment.trend(), assessment.adherence(), assessment.alerts(), assessment.suggestion(),
                daily, assessment.stage(), patientWindow.firstAt(), patientWindow.latestAt(), now, window.from(), window.to(),
                new PatientProgress.Links(older ? linkTo.apply(window.older()) : null)));
    }

    /**
     * One page of the clinic overview, those needing attention first ({@link PatientSummaries#overviewPage}), as of
     * now or, for a later page, as of the first page's time kept in the cursor.
     */
    public Paging.Page<PatientSummary> overviewOf(String clinicId, Optional<ProgressStatus> statusFilter,
                                                  Optional<Paging.Cursor> after, int size) {
        Instant asOf = after.map(c -> c.instant(Paging.CURSOR, 0)).orElseGet(clock::instant);
        Paging.Page<PatientSnapshot> page = summaries.overviewPage(clinicId, statusFilter, asOf, after, size);
        Map<String, Integer> counts = sessions.countsByPatient(clinicId, page.items().stream().map(PatientSnapshot::patientId).toList());
        return new Paging.Page<>(page.items().stream()
                .map(snapshot -> summarize(snapshot, counts.getOrDefault(snapshot.patientId(), 0), asOf)).toList(), page.next());
    }

    private static PatientSummary summarize(PatientSnapshot snapshot, int sessionCount, Instant now) {
        Assessment assessment = snapshot.assessment();
        return new PatientSummary(snapshot.patientId(), assessment.status(), snapshot.needsAttentionAsOf(now), sessionCount,
                snapshot.lastSessionAt(), snapshot.currentPain(), assessment.trend(), snapshot.adherenceAsOf(now),
                snapshot.alertsAsOf(now), snapshot.actionAsOf(now), snapshot.recentPain());
    }
}
