package org.backtrack.progress.alerts.rules;

import java.util.List;

/** One rule run on every session applied to a patient: what it raises or resolves, given the patient's open alerts. */
public interface SessionAlertRule {

    /** What this rule decides, in one line. */
    String decides();

    List<AlertDecision> decide(SessionStep step, OpenAlerts open);
}
