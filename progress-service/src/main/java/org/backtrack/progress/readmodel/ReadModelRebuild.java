package org.backtrack.progress.readmodel;

import org.backtrack.progress.sessions.RecordedSession;
import org.backtrack.progress.sessions.RecordedSessions;
import org.springframework.stereotype.Service;

import java.util.stream.Stream;

/** Recomputes every patient's read model, and the listing of their sessions, from the raw sessions, the source of truth. */
@Service
public class ReadModelRebuild {

    private final RecordedSessions sessions;
    private final PatientWindows windows;

    ReadModelRebuild(RecordedSessions sessions, PatientWindows windows) {
        this.sessions = sessions;
        this.windows = windows;
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
        return recomputed.windows().size();
    }
}
