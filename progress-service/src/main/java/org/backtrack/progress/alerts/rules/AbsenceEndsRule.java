package org.backtrack.progress.alerts.rules;

import org.backtrack.events.AlertResolution;
import org.backtrack.events.AlertType;

import java.util.ArrayList;
import java.util.List;

/**
 * A session after the start of an absence ends it: an open NO_SESSION alert whose absence began before the session's
 * {@code completedAt} resolves, whenever the session arrives (a late sync that fills the gap shows the patient did
 * practise). A session from before the absence does not.
 */
public final class AbsenceEndsRule implements SessionAlertRule {

    @Override
    public List<AlertDecision> decide(SessionStep step, OpenAlerts open) {
        List<AlertDecision> decisions = new ArrayList<>();
        for (AlertType type : DisengagementRule.TYPES) {
            open.get(type).filter(absence -> step.session().completedAt().isAfter(absence.since()))
                    .ifPresent(absence -> decisions.add(new AlertDecision.Resolve(type, absence.alertId(),
                            AlertResolution.SESSION_LOGGED, step.session().sessionId())));
        }
        return decisions;
    }
}
