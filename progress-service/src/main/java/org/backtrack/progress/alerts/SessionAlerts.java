package org.backtrack.progress.alerts;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.backtrack.events.SessionCompleted;
import org.backtrack.progress.alerts.rules.AlertDecision;
import org.backtrack.progress.alerts.rules.OpenAlerts;
import org.backtrack.progress.alerts.rules.SessionAlertRules;
import org.backtrack.progress.alerts.rules.SessionFacts;
import org.backtrack.progress.alerts.rules.SessionStep;
import org.backtrack.progress.assessment.Assessment;
import org.backtrack.progress.assessment.PainReading;
import org.backtrack.progress.assessment.PatientWindow;
import org.backtrack.progress.sessions.RecordedSession;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Raises and resolves alerts as sessions are applied: for each session of a batch, in the order the windows were
 * updated, the rules of {@link SessionAlertRules} see the session, the patient's window and status after it, and the
 * patient's open alerts. One read of the open alerts per batch, one bulk write of the raises and one of the resolutions; an alert is
 * written before the open alerts list it.
 * Called after the overview summary holds the patient's latest session: the sweep, which reads that summary after
 * raising an absence, and this, which reads the open alerts after the summary was written, cannot both miss each
 * other, so an absence is never left open behind a session that ended it.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class SessionAlerts {

    private final AlertEpisodes episodes;
    private final AlertWriter writer;
    private final Clock clock;

    /**
     * @param sessions    the standing versions applied, in the order applied
     * @param windows     the patient's window after each of them
     * @param assessments the assessment of each of those windows as of its latest session
     */
    public void afterSessions(List<RecordedSession> sessions, List<PatientWindow> windows, List<Assessment> assessments) {
        if (sessions.size() != windows.size() || windows.size() != assessments.size()) {
            throw new IllegalArgumentException("one window and one assessment per session applied");
        }
        if (sessions.isEmpty()) {
            return;
        }
        Map<String, List<Integer>> stepsOfPatient = new LinkedHashMap<>();
        for (int i = 0; i < sessions.size(); i++) {
            stepsOfPatient.computeIfAbsent(sessions.get(i).patientKey(), k -> new ArrayList<>()).add(i);
        }
        Map<String, OpenAlerts> stored = episodes.stored(stepsOfPatient.keySet());
        Map<String, OpenAlerts> current = episodes.current(stored);
        Instant now = clock.instant();
        Map<String, AlertWriter.PatientDecisions> decided = new LinkedHashMap<>();
        Map<String, OpenAlerts> openAfter = new LinkedHashMap<>();
        for (var patient : stepsOfPatient.entrySet()) {
            OpenAlerts open = current.getOrDefault(patient.getKey(), OpenAlerts.NONE);
            List<AlertDecision> decisions = new ArrayList<>();
            RecordedSession any = sessions.get(patient.getValue().get(0));
            for (int i : patient.getValue()) {
                var outcome = SessionAlertRules.decide(step(sessions.get(i), windows.get(i), assessments.get(i)), open);
                decisions.addAll(outcome.decisions());
                open = outcome.open();
            }
            decided.put(patient.getKey(), new AlertWriter.PatientDecisions(any.clinicId(), any.patientId(), decisions));
            openAfter.put(patient.getKey(), open);
        }
        AlertWriter.Batch batch = writer.batch();
        batch.carryOutAll(List.copyOf(decided.values()), now);
        // listed after the alerts are written (see AlertEpisodes)
        decided.forEach((key, patient) -> episodes.record(patient.clinicId(), patient.patientId(),
                stored.getOrDefault(key, OpenAlerts.NONE), openAfter.get(key)));
        batch.publish();
    }

    /** The session with what the rules need around it, from the window it was applied to. */
    static SessionStep step(RecordedSession recorded, PatientWindow window, Assessment assessment) {
        SessionCompleted session = recorded.session();
        SessionCompleted.SymptomFlags flags = session.flagsOrNone();
        Instant arrivedAt = recorded.recordedAt() != null ? recorded.recordedAt() : recorded.eventTime();
        var facts = new SessionFacts(recorded.sessionId(), recorded.completedAt(), arrivedAt, session.painBefore(), flags.sharpPain(),
                flags.radiatingPain(), flags.numbness(), flags.nightPain(), session.exercisesThatHurt());
        List<PainReading> readings = window.recent();
        int at = -1;
        for (int i = 0; i < readings.size(); i++) {
            if (readings.get(i).sessionId().equals(recorded.sessionId())) {
                at = i;
            }
        }
        Integer previous = null; // (a conditional expression would unbox it)
        if (at > 0) {
            previous = readings.get(at - 1).painBefore();
        } else if (at == 0) {
            previous = lastBaselineBefore(window, readings.get(0));
        }
        PainReading latest = readings.isEmpty() ? null : readings.get(readings.size() - 1);
        return new SessionStep(recorded.clinicId(), recorded.patientId(), facts, previous, at >= 0 && at == readings.size() - 1,
                latest == null ? recorded.sessionId() : latest.sessionId(), window.latestAt(), assessment.status());
    }

    /** The pain before the last first-week session before {@code first} (the recent list may begin after the baseline). */
    private static Integer lastBaselineBefore(PatientWindow window, PainReading first) {
        PainReading previous = null;
        for (PainReading r : window.baseline()) {
            boolean before = r.completedAt().isBefore(first.completedAt())
                    || (r.completedAt().equals(first.completedAt()) && r.sessionId().compareTo(first.sessionId()) < 0);
            if (before && !r.sessionId().equals(first.sessionId())) {
                previous = r;
            }
        }
        return previous == null ? null : previous.painBefore();
    }

    /** For the tests: the open alerts of several patients ({@code clinicId/patientId}), as the rules see them. */
    Map<String, OpenAlerts> openAlertsOf(List<String> patientKeys) {
        return new HashMap<>(episodes.current(episodes.stored(patientKeys)));
    }
}
