package org.backtrack.progress.alerts.rules;

import org.backtrack.events.AlertResolution;
import org.backtrack.events.AlertType;

import java.time.Instant;

/** What a rule decided: raise an alert, or resolve one. The adapters stamp the processing time when they carry it out. */
public sealed interface AlertDecision {

    /**
     * Raise the alert of {@code identity} unless it exists already (insert-if-absent).
     *
     * @param occurredAt when it happened (data time)
     * @param arrivedAt  when the session that raised it was recorded; null for an absence
     * @param sessionId  the session that raised it; null for an absence
     * @param since      when its episode began (see {@link OpenEpisode#since})
     * @param level      pain before the spike, for a pain spike
     */
    record Raise(AlertIdentity identity, Instant occurredAt, Instant arrivedAt, String sessionId, String summary,
                 Instant since, Integer level) implements AlertDecision {

        public String alertId() {
            return identity.alertId();
        }

        /** Late: the session arrived more than {@link LateArrival#LATE_AFTER} after it happened. */
        public boolean late() {
            return LateArrival.isLate(occurredAt, arrivedAt);
        }

        OpenEpisode episode() {
            return new OpenEpisode(identity.type(), identity.alertId(), identity.episode(), since, level);
        }

        /** Raised by the step's session, as an episode of its own (named after the session, beginning with it). */
        static Raise bySession(SessionStep step, AlertType type, String summary, Integer level) {
            SessionFacts session = step.session();
            var identity = new AlertIdentity(step.clinicId(), step.patientId(), type, AlertIdentity.ofSession(session.sessionId()));
            return new Raise(identity, session.completedAt(), session.arrivedAt(), session.sessionId(), summary,
                    session.completedAt(), level);
        }
    }

    /**
     * Resolve an alert that has not resolved yet (a no-op for one that has).
     *
     * @param bySessionId the later session that resolved it; null when none did (a longer absence)
     */
    record Resolve(AlertType type, String alertId, AlertResolution resolution, String bySessionId) implements AlertDecision {

        /** What raised the open {@code episode} is no longer seen, as of session {@code bySessionId}. */
        static Resolve signCleared(OpenEpisode episode, String bySessionId) {
            return new Resolve(episode.type(), episode.alertId(), AlertResolution.SIGN_CLEARED, bySessionId);
        }
    }
}
