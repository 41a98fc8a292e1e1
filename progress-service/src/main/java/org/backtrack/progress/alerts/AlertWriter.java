package org.backtrack.progress.alerts;

import org.backtrack.progress.alerts.rules.AlertDecision;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * Carries out the rules' decisions for one patient: a raise is an insert-if-absent under the alert's deterministic
 * key, a resolution a guarded update; whichever call actually changed the alert sends the event it owes.
 */
@Component
class AlertWriter {

    private final Alerts alerts;
    private final AlertEvents events;

    AlertWriter(Alerts alerts, AlertEvents events) {
        this.alerts = alerts;
        this.events = events;
    }

    /** @return how many alerts this call raised */
    int carryOut(String clinicId, String patientId, List<AlertDecision> decisions, Instant now) {
        int raised = 0;
        for (AlertDecision decision : decisions) {
            if (decision instanceof AlertDecision.Raise raise) {
                var stored = alerts.insertIfAbsent(StoredAlert.raised(clinicId, patientId, raise, now));
                if (stored.isPresent()) {
                    raised++;
                    events.publish(stored.get());
                }
            } else if (decision instanceof AlertDecision.Resolve resolve) {
                alerts.resolve(clinicId, resolve.alertId(), resolve.resolution(), resolve.bySessionId(), now).ifPresent(events::publish);
            }
        }
        return raised;
    }
}
