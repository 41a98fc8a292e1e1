package org.backtrack.progress.alerts.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Every rule run on each session applied, in order: an absence ends first, then the session's own signs, then the
 * status. Each rule sees the open alerts as the rules before it left them.
 */
public final class SessionAlertRules {

    private static final List<SessionAlertRule> RULES = List.of(new AbsenceEndsRule(), new RedFlagRule(), new SharpPainRule(),
            new PainSpikeRule(), new WorseningRule());

    private SessionAlertRules() {
    }

    public static List<SessionAlertRule> allCurrentRules() {
        return RULES;
    }

    /** What the rules decide for one session and the patient's open alerts afterwards. */
    public record Outcome(List<AlertDecision> decisions, OpenAlerts open) {
    }

    public static Outcome decide(SessionStep step, OpenAlerts open) {
        List<AlertDecision> decisions = new ArrayList<>();
        OpenAlerts current = open;
        for (SessionAlertRule rule : RULES) {
            List<AlertDecision> decided = rule.decide(step, current);
            decisions.addAll(decided);
            current = current.after(decided);
        }
        return new Outcome(List.copyOf(decisions), current);
    }
}
