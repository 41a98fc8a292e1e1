package org.backtrack.progress.alerts.rules;

import org.backtrack.events.AlertResolution;
import org.backtrack.events.AlertType;

import java.util.List;

/**
 * Sharp pain describes the patient now (the facts sheet: stop on sharp pain), so only the patient's latest session
 * decides it: sharp pain there raises an alert unless one is open (a run of sessions with sharp pain is one episode,
 * named after its first session); the first later session without sharp pain resolves it. A late-synced older
 * session changes nothing here (its sharp pain shows in the session log and the chart).
 */
public final class SharpPainRule implements SessionAlertRule {

    @Override
    public String decides() {
        return "sharp pain in the latest session raises one alert per run; a later session without it resolves it";
    }

    @Override
    public List<AlertDecision> decide(SessionStep step, OpenAlerts open) {
        if (!step.latest()) {
            return List.of();
        }
        SessionFacts session = step.session();
        var current = open.get(AlertType.SHARP_PAIN);
        if (current.isPresent()) {
            if (!session.sharpPain() && session.completedAt().isAfter(current.get().since())) {
                return List.of(new AlertDecision.Resolve(AlertType.SHARP_PAIN, current.get().alertId(),
                        AlertResolution.SIGN_CLEARED, session.sessionId()));
            }
            return List.of();
        }
        if (!session.sharpPain()) {
            return List.of();
        }
        var identity = new AlertIdentity(step.clinicId(), step.patientId(), AlertType.SHARP_PAIN,
                AlertIdentity.ofSession(session.sessionId()));
        return List.of(new AlertDecision.Raise(identity, session.completedAt(), session.arrivedAt(), session.sessionId(),
                "Sharp pain reported (pain " + session.painBefore() + "/10 before the session)", session.completedAt(), null));
    }
}
