package org.backtrack.progress.alerts.rules;

import org.backtrack.events.AlertType;

import java.util.Optional;

/**
 * Sharp pain (ticked for the session, or "it hurt" reported for one of its exercises, which the summary names)
 * describes the patient now (the facts sheet: stop on sharp pain), so only the patient's latest session
 * decides it: sharp pain there raises an alert unless one is open (a run of sessions with sharp pain is one episode,
 * named after its first session); the first later session without sharp pain resolves it. A late-synced older
 * session changes nothing here (its sharp pain shows in the session log and the chart).
 */
public final class SharpPainRule extends LatestSessionSignRule {

    /** Exercises named in the summary; a session may list 100, the summary stays a line. */
    static final int MAX_NAMED = 5;

    public SharpPainRule() {
        super(AlertType.SHARP_PAIN);
    }

    @Override
    boolean cleared(OpenEpisode episode, SessionFacts session) {
        return !session.sharpPainSignal();
    }

    @Override
    Optional<AlertDecision.Raise> raised(SessionStep step) {
        return step.session().sharpPainSignal()
                ? Optional.of(AlertDecision.Raise.bySession(step, AlertType.SHARP_PAIN, summary(step.session()), null))
                : Optional.empty();
    }

    /** In words, naming every exercise the patient said hurt. */
    static String summary(SessionFacts session) {
        String pain = "pain " + session.painBefore() + "/10 before the session";
        if (session.exercisesThatHurt().isEmpty()) {
            return "Sharp pain reported (" + pain + ")";
        }
        int shown = Math.min(session.exercisesThatHurt().size(), MAX_NAMED);
        String named = String.join(", ", session.exercisesThatHurt().subList(0, shown))
                + (session.exercisesThatHurt().size() > shown ? " and " + (session.exercisesThatHurt().size() - shown) + " more" : "");
        return "Sharp pain reported: it hurt in " + named + " (" + pain + ")";
    }
}
