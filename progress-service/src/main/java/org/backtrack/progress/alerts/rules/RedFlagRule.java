package org.backtrack.progress.alerts.rules;

import org.backtrack.events.AlertType;

import java.util.List;

/**
 * Every session that reports a red-flag symptom (pain down the leg, numbness, night pain) raises an alert of its own,
 * whenever it happened and however late it arrives: the episode is the session, so its replays, redeliveries and
 * corrections meet on the same alert, and a correction that drops the symptom does not withdraw it. Only a clinician's
 * acknowledgement resolves it ({@link AlertLifecycle#resolvesOnAcknowledgement}).
 */
public final class RedFlagRule implements SessionAlertRule {

    @Override
    public List<AlertDecision> decide(SessionStep step, OpenAlerts open) {
        SessionFacts session = step.session();
        if (!session.redFlag()) {
            return List.of();
        }
        String symptoms = String.join(" and ", session.redFlagSymptoms());
        String summary = Character.toUpperCase(symptoms.charAt(0)) + symptoms.substring(1) + " reported (pain "
                + session.painBefore() + "/10 before the session)";
        return List.of(AlertDecision.Raise.bySession(step, AlertType.RED_FLAG_SYMPTOM, summary, null));
    }
}
