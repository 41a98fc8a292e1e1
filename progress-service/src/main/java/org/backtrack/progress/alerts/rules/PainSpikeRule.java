package org.backtrack.progress.alerts.rules;

import org.backtrack.events.AlertType;
import org.backtrack.progress.assessment.ProgressAssessor;

import java.util.Optional;

/**
 * A pain spike is a sudden rise, so it needs a session before it: the latest session's pain before is at least
 * {@link ProgressAssessor#SPIKE_RISE} points above the previous session's, or reaches {@link ProgressAssessor#SPIKE_LEVEL}
 * from below. (A patient who starts at 8/10 has high pain, not a spike; the progress document's level-based
 * PAIN_SPIKE still says so.) One alert per episode, remembering the pain before the spike; it resolves at the first
 * later session whose pain is below the spike level and less than {@code SPIKE_RISE} above that earlier pain (it
 * settled). Further rises while it is unresolved continue it.
 */
public final class PainSpikeRule extends LatestSessionSignRule {

    public PainSpikeRule() {
        super(AlertType.PAIN_SPIKE);
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
    boolean cleared(OpenEpisode spike, SessionFacts session) {
        return hasSettled(spike.level() == null ? 0 : spike.level(), session.painBefore());
    }

    @Override
    Optional<AlertDecision.Raise> raised(SessionStep step) {
        Integer previous = step.previousPainBefore();
        int painBefore = step.session().painBefore();
        if (previous == null || !isSpike(previous, painBefore)) {
            return Optional.empty();
        }
        return Optional.of(AlertDecision.Raise.bySession(step, AlertType.PAIN_SPIKE,
                "Pain rose from " + previous + " to " + painBefore + "/10 since the previous session", previous));
    }
}
