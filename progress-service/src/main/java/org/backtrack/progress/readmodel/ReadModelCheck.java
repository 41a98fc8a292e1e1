package org.backtrack.progress.readmodel;

import org.backtrack.progress.assessment.PainReading;
import org.backtrack.progress.assessment.PatientWindow;
import org.backtrack.progress.publication.ProgressPublisher;
import org.backtrack.progress.sessions.RecordedSession;
import org.backtrack.progress.sessions.RecordedSessions;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Recomputes every patient's read model from the raw sessions and compares it with what is stored, without
 * changing anything: the proof after an incident that nothing was lost or counted twice, and the way to decide
 * whether a {@link ReadModelRebuild} is needed.
 */
@Service
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
     */
    public record Report(boolean consistent, Instant checkedAt, int patients, int sessions, int windowMismatchCount, List<String> windowMismatches,
                         int publicationMismatchCount, List<String> publicationMismatches, int unlistedSessionCount,
                         List<String> unlistedSessions) {
    }

    private final RecordedSessions sessions;
    private final PatientWindows windows;
    private final ProgressPublisher publisher;

    ReadModelCheck(RecordedSessions sessions, PatientWindows windows, ProgressPublisher publisher) {
        this.sessions = sessions;
        this.windows = windows;
        this.publisher = publisher;
    }

    public Report check() {
        Map<String, String> clinics = new HashMap<>();
        Map<String, List<PainReading>> byPatient = new TreeMap<>();
        int sessionCount = 0;
        try (Stream<RecordedSession> all = sessions.all()) {
            for (RecordedSession s : (Iterable<RecordedSession>) all::iterator) {
                sessionCount++;
                clinics.put(s.patientId(), s.clinicId());
                byPatient.computeIfAbsent(s.patientId(), p -> new ArrayList<>()).add(RecordedSessions.reading(s));
            }
        }
        Map<String, PatientWindow> stored = new HashMap<>();
        windows.all().forEach(w -> stored.put(w.patientId(), w));
        List<String> windowMismatches = new ArrayList<>();
        List<String> publicationMismatches = new ArrayList<>();
        for (var entry : byPatient.entrySet()) {
            String patientId = entry.getKey();
            PatientWindow recomputed = PatientWindow.of(patientId, clinics.get(patientId), entry.getValue());
            if (!recomputed.equals(stored.remove(patientId))) {
                windowMismatches.add(patientId);
            }
            if (!publisher.isPublished(recomputed)) {
                publicationMismatches.add(patientId);
            }
        }
        windowMismatches.addAll(stored.keySet()); // windows of patients without any session
        List<String> unlisted = sessions.unlisted();
        boolean consistent = windowMismatches.isEmpty() && publicationMismatches.isEmpty() && unlisted.isEmpty();
        return new Report(consistent, Instant.now(), byPatient.size(), sessionCount, windowMismatches.size(),
                windowMismatches.stream().limit(LISTED).toList(), publicationMismatches.size(),
                publicationMismatches.stream().limit(LISTED).toList(), unlisted.size(), unlisted.stream().limit(LISTED).toList());
    }
}
