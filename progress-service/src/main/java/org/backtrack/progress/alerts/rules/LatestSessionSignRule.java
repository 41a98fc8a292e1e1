package org.backtrack.progress.alerts.rules;

import org.backtrack.events.AlertType;

import java.util.List;
import java.util.Optional;

/**
 * A sign that describes the patient now, so only the patient's latest session decides it: the sign there raises an
 * alert unless one of its type is open (a run of sessions showing it is one episode, named after its first session);
 * an open one resolves at the first later session where the sign has cleared. A late-synced older session changes
 * nothing.
 */
abstract class LatestSessionSignRule implements SessionAlertRule {

    private final AlertType type;

    LatestSessionSignRule(AlertType type) {
        this.type = type;
    }

    /** Whether the sign of the open {@code episode} has cleared in {@code session}, a later one. */
    abstract boolean cleared(OpenEpisode episode, SessionFacts session);

    /** The alert the latest session raises when none of this type is open, if it shows the sign. */
    abstract Optional<AlertDecision.Raise> raised(SessionStep step);

    @Override
    public final List<AlertDecision> decide(SessionStep step, OpenAlerts open) {
        if (!step.latest()) {
            return List.of();
        }
        SessionFacts session = step.session();
        Optional<OpenEpisode> current = open.get(type);
        if (current.isPresent()) {
            return session.completedAt().isAfter(current.get().since()) && cleared(current.get(), session)
                    ? List.of(AlertDecision.Resolve.signCleared(current.get(), session.sessionId()))
                    : List.of();
        }
        return raised(step).<List<AlertDecision>>map(List::of).orElse(List.of());
    }
}
