package org.backtrack.progress.readmodel;

import org.backtrack.progress.assessment.PainReading;
import org.backtrack.progress.assessment.PatientWindow;
import org.backtrack.progress.sessions.RecordedSession;
import org.backtrack.progress.sessions.RecordedSessions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Every patient's window computed from scratch in one pass over the raw sessions: what the rebuild stores and
 * what the check compares with.
 *
 * @param windows  by patient key ({@code clinicId/patientId}), in key order
 * @param sessions how many sessions the pass read
 */
record Recomputation(Map<String, PatientWindow> windows, int sessions) {

    /** @param alsoEach sees every session of the pass too, for checks that need the raw sessions */
    static Recomputation of(Stream<RecordedSession> all, Consumer<RecordedSession> alsoEach) {
        Map<String, RecordedSession> anyOf = new HashMap<>();
        Map<String, List<PainReading>> byPatient = new TreeMap<>();
        int sessions = 0;
        for (RecordedSession session : (Iterable<RecordedSession>) all::iterator) {
            sessions++;
            alsoEach.accept(session);
            anyOf.putIfAbsent(session.patientKey(), session);
            byPatient.computeIfAbsent(session.patientKey(), p -> new ArrayList<>()).add(RecordedSessions.reading(session));
        }
        Map<String, PatientWindow> windows = new TreeMap<>();
        byPatient.forEach((key, readings) -> windows.put(key,
                PatientWindow.of(anyOf.get(key).patientId(), anyOf.get(key).clinicId(), readings)));
        return new Recomputation(windows, sessions);
    }
}
