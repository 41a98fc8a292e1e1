package org.backtrack.progress.readmodel;

import org.backtrack.progress.sessions.RecordedSession;
import org.backtrack.progress.sessions.RecordedSessions;
import org.springframework.stereotype.Service;

import java.util.stream.Stream;

/**
 * Recomputes every patient's read models (window, overview summary) and the listing of their sessions from the raw
 * sessions, the source of truth.
 */
@Service
public class ReadModelRebuild {

    private final RecordedSessions sessions;
    private final PatientWindows windows;
    private final PatientSummaries summaries;

    ReadModelRebuild(RecordedSessions sessions, PatientWindows windows, PatientSummaries summaries) {
        this.sessions = sessions;
        this.windows = windows;
        this.summaries = summaries;
    }

    /** @return the number of patients rebuilt */
    public int rebuildAll() {
        sessions.reindex();
        Recomputation recomputed;
        try (Stream<RecordedSession> all = sessions.all()) {
            recomputed = Recomputation.of(all, session -> { });
        }
        windows.deleteAll();
        recomputed.windows().values().forEach(windows::replace);
        summaries.replaceAll(recomputed.windows().values());
        return recomputed.windows().size();
    }
}
