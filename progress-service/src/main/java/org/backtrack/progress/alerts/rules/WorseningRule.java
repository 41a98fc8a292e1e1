package org.backtrack.progress.alerts.rules;

import org.backtrack.events.AlertType;
import org.backtrack.events.ProgressStatus;

import java.util.List;
import java.util.Set;

/**
 * Worsening follows the status (as of the patient's latest session, the one published): when it becomes WORSENING an
 * alert is raised, named after the latest session at that moment, unless one is open; once the status reads
 * IMPROVING, PLATEAU or RECOVERED again it resolves. RED_FLAG and INSUFFICIENT_DATA say nothing about the trend (a red
 * flag wins the status over worsening), so they leave it as it is.
 */
public final class WorseningRule implements SessionAlertRule {

    /** Statuses that say pain is no longer rising. */
    static final Set<ProgressStatus> NOT_RISING = Set.of(ProgressStatus.IMPROVING, ProgressStatus.PLATEAU, ProgressStatus.RECOVERED);

    @Override
    public List<AlertDecision> decide(SessionStep step, OpenAlerts open) {
        var current = open.get(AlertType.WORSENING);
        if (current.isPresent()) {
            return NOT_RISING.contains(step.status())
                    ? List.of(AlertDecision.Resolve.signCleared(current.get(), step.latestSessionId()))
                    : List.of();
        }
        if (step.status() != ProgressStatus.WORSENING) {
            return List.of();
        }
        var identity = new AlertIdentity(step.clinicId(), step.patientId(), AlertType.WORSENING,
                AlertIdentity.ofSession(step.latestSessionId()));
        return List.of(new AlertDecision.Raise(identity, step.latestAt(), step.session().arrivedAt(), step.latestSessionId(),
                "Status worsening: pain is rising", step.latestAt(), null));
    }
}
