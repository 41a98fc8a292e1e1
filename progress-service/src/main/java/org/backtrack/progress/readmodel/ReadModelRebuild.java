package org.backtrack.progress.readmodel;

import org.backtrack.progress.clinics.ClinicSettings;
import org.backtrack.progress.sessions.RecordedSession;
import org.backtrack.progress.sessions.RecordedSessions;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

import java.util.stream.Stream;

/**
 * Recomputes every patient's read models (window, overview summary) and the listing of their sessions from the raw
 * sessions, the source of truth, the summaries in each clinic's days (its time zone as set now).
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ReadModelRebuild {

    private final RecordedSessions sessions;
    private final PatientWindows windows;
    private final PatientSummaries summaries;
    private final ClinicSettings settings;

    /** @return the number of patients rebuilt */
    public int rebuildAll() {
        sessions.reindex();
        Recomputation recomputed;
        try (Stream<RecordedSession> all = sessions.all()) {
            recomputed = Recomputation.of(all, session -> { });
        }
        windows.deleteAll();
        recomputed.windows().values().forEach(windows::replace);
        summaries.replaceAll(recomputed.windows().values(), settings.allCalendars());
        return recomputed.windows().size();
    }
}
