package org.backtrack.progress.readmodel;

import org.backtrack.progress.assessment.PainReading;
import org.backtrack.progress.assessment.PatientWindow;
import org.backtrack.progress.sessions.RecordedSession;
import org.backtrack.progress.sessions.RecordedSessions;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        Map<String, String> clinics = new HashMap<>();
        Map<String, List<PainReading>> byPatient = new HashMap<>();
        try (Stream<RecordedSession> all = sessions.all()) {
            all.forEach(s -> {
                clinics.put(s.patientId(), s.clinicId());
                byPatient.computeIfAbsent(s.patientId(), p -> new ArrayList<>()).add(RecordedSessions.reading(s));
            });
        }
        windows.deleteAll();
        byPatient.forEach((patient, readings) -> windows.replace(PatientWindow.of(patient, clinics.get(patient), readings)));
        return byPatient.size();
    }
}
