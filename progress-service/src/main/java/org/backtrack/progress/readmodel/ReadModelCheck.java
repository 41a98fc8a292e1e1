package org.backtrack.progress.readmodel;

import org.backtrack.progress.assessment.PatientSnapshot;
import org.backtrack.progress.assessment.PatientWindow;
import org.backtrack.progress.clinics.ClinicCalendars;
import org.backtrack.progress.clinics.ClinicSettings;
import org.backtrack.progress.publication.ProgressPublisher;
import org.backtrack.progress.sessions.RecordedSession;
import org.backtrack.progress.sessions.RecordedSessions;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Recomputes every patient's read model from the raw sessions and compares it with what is stored, without
 * changing anything: the proof after an incident that nothing was lost or counted twice, and the way to decide
 * whether a {@link ReadModelRebuild} is needed.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ReadModelCheck {

    /** Mismatches are listed up to this many per kind; the counts are always complete. */
    static final int LISTED = 50;

    /**
     * @param consistent             no mismatch of either kind
     * @param patients               patients with at least one recorded session
     * @param sessions               distinct recorded sessions
     * @param windowMismatches       patients whose stored window differs from the recomputed one (or is missing)
     * @param publicationMismatches  patients whose last published status, suggestion or alerts are not those of
     *                               their current window
     * @param unlistedSessions       sessions missing from their patient's month listing (reads would miss them)
     * @param summaryMismatches      patients whose stored overview summary is not that of their recomputed window (or
     *                               is missing, or has no window); the proposed exercises are left out of the
     *                               comparison, since the catalog may have been refreshed since the summary was stored
     */
    public record Report(boolean consistent, Instant checkedAt, int patients, int sessions, int windowMismatchCount, List<String> windowMismatches,
                         int publicationMismatchCount, List<String> publicationMismatches, int unlistedSessionCount,
                         List<String> unlistedSessions, int summaryMismatchCount, List<String> summaryMismatches) {
    }

    private final RecordedSessions sessions;
    private final PatientWindows windows;
    private final ProgressPublisher publisher;
    private final PatientSummaries summaries;
    private final ClinicSettings settings;

    public Report check() {
        // the clinics' days as set now: a summary or a publication made in a zone the clinic left is a mismatch
        ClinicCalendars calendars = settings.allCalendars();
        Predicate<RecordedSession> listed = sessions.listing();
        List<String> unlisted = new ArrayList<>();
        Recomputation recomputed;
        try (Stream<RecordedSession> all = sessions.all()) {
            recomputed = Recomputation.of(all, session -> {
                if (!listed.test(session)) {
                    unlisted.add(session.key());
                }
            });
        }
        Map<String, PatientWindow> stored = new HashMap<>();
        windows.all().forEach(w -> stored.put(StoredWindow.keyOf(w), w));
        List<String> windowMismatches = new ArrayList<>();
        List<String> publicationMismatches = new ArrayList<>();
        recomputed.windows().forEach((patientKey, window) -> {
            if (!window.equals(stored.remove(patientKey))) {
                windowMismatches.add(patientKey);
            }
            if (!publisher.isPublished(window, calendars.of(window.clinicId()))) {
                publicationMismatches.add(patientKey);
            }
        });
        windowMismatches.addAll(stored.keySet()); // windows of patients without any session
        List<String> summaryMismatches = summaryMismatches(recomputed, calendars);
        boolean consistent = windowMismatches.isEmpty() && publicationMismatches.isEmpty() && unlisted.isEmpty()
                && summaryMismatches.isEmpty();
        return new Report(consistent, Instant.now(), recomputed.windows().size(), recomputed.sessions(), windowMismatches.size(),
                windowMismatches.stream().limit(LISTED).toList(), publicationMismatches.size(),
                publicationMismatches.stream().limit(LISTED).toList(), unlisted.size(), unlisted.stream().limit(LISTED).toList(),
                summaryMismatches.size(), summaryMismatches.stream().limit(LISTED).toList());
    }

    /** Patients whose stored summary differs from the one of their recomputed window, and summaries without a patient. */
    private List<String> summaryMismatches(Recomputation recomputed, ClinicCalendars calendars) {
        Map<String, PatientSnapshot> stored = summaries.all();
        List<String> mismatches = new ArrayList<>();
        recomputed.windows().forEach((patientKey, window) -> {
            PatientSnapshot found = stored.remove(patientKey);
            // the catalog may have been refreshed since the summary was stored: its proposals do not count
            if (found == null || !summaries.snapshotOf(window, calendars.of(window.clinicId())).withoutCatalogDetail()
                    .equals(found.withoutCatalogDetail())) {
                mismatches.add(patientKey);
            }
        });
        mismatches.addAll(stored.keySet());
        return mismatches;
    }
}
