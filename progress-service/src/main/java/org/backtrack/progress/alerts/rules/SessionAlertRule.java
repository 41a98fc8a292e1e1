package org.backtrack.progress.alerts.rules;

import java.util.List;

/** One rule run on every session applied to a patient: what it raises or resolves, given the patient's open alerts. */
public interface SessionAlertRule {

    List<AlertDecision> decide(SessionStep step, OpenAlerts open);
}
