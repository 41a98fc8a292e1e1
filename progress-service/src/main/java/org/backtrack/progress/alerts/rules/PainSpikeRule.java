package org.backtrack.progress.alerts.rules;

import org.backtrack.events.AlertResolution;
import org.backtrack.events.AlertType;
import org.backtrack.progress.assessment.ProgressAssessor;

import java.util.List;

/**
 * A pain spike is a sudden rise, so it needs a session before it: the latest session's pain before is at least
 * {@link ProgressAssessor#SPIKE_RISE} points above the previous session's, or reaches {@link ProgressAssessor#SPIKE_LEVEL}
 * from below. (A patient who starts at 8/10 has high pain, not a spike; the progress document's level-based
 * PAIN_SPIKE still says so.) One alert per episode, remembering the pain before the spike; it resolves at the first
 * later session whose pain is below the spike level and less than {@code SPIKE_RISE} above that earlier pain (it
 * settled). Further rises while it is unresolved continue it.
 */
public final class PainSpikeRule implements SessionAlertRule {

    @Override
    public String decides() {
        return "a rise of 2 points, or to 7/10, since the previous session raises one alert until pain settles back";
    }

    /** Whether pain before {@code painBefore} after {@code previous} is a spike. */
    public static boolean isSpike(int previous, int painBefore) {
        return painBefore - previous >= ProgressAssessor.SPIKE_RISE
                || (painBefore >= ProgressAssessor.SPIKE_LEVEL && previous < ProgressAssessor.SPIKE_LEVEL);
    }

    /** Whether pain before {@code painBefore} is back from a spike that rose from {@code level}. */
    public static boolean hasSettled(int level, int painBefore) {
        return painBefore < ProgressAssessor.SPIKE_LEVEL && painBefore - level < ProgressAssessor.SPIKE_RISE;
    }

    @Override
    public List<AlertDecision> decide(SessionStep step, OpenAlerts open) {
        if (!step.latest()) {
            return List.of();
        }
        SessionFacts session = step.session();
        var current = open.get(AlertType.PAIN_SPIKE);
        if (current.isPresent()) {
            OpenEpisode spike = current.get();
            int level = spike.level() == null ? 0 : spike.level();
            if (session.completedAt().isAfter(spike.since()) && hasSettled(level, session.painBefore())) {
                return List.of(new AlertDecision.Resolve(AlertType.PAIN_SPIKE, spike.alertId(), AlertResolution.SIGN_CLEARED,
                        session.sessionId()));
            }
            return List.of();
        }
        Integer previous = step.previousPainBefore();
        if (previous == null || !isSpike(previous, session.painBefore())) {
            return List.of();
        }
        var identity = new AlertIdentity(step.clinicId(), step.patientId(), AlertType.PAIN_SPIKE,
                AlertIdentity.ofSession(session.sessionId()));
        return List.of(new AlertDecision.Raise(identity, session.completedAt(), session.arrivedAt(), session.sessionId(),
                "Pain rose from " + previous + " to " + session.painBefore() + "/10 since the previous session",
                session.completedAt(), previous));
    }
}
