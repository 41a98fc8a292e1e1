package org.backtrack.progress.alerts.rules;

import org.backtrack.events.AlertResolution;
import org.backtrack.events.AlertType;
import org.backtrack.progress.assessment.Disengagement;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Absences, decided by the scheduled sweep from the patient's last session and the sweep's clock. No session for
 * {@link Disengagement#DISENGAGED} raises NO_SESSION_3_DAYS, for {@link Disengagement#LONG_DISENGAGED}
 * NO_SESSION_14_DAYS, which supersedes the 3-day alert of the same absence (a sweep that first sees an absence
 * already 14 days long raises only the longer one). The episode is the absence, named after the last session before
 * it, so every sweep, on every instance, arrives at the same alert. Open absences that began before the last session
 * are resolved here too (the consumer normally does that as the session arrives; see {@link AbsenceEndsRule}).
 */
public final class DisengagementRule {

    static final List<AlertType> TYPES = List.of(AlertType.NO_SESSION_3_DAYS, AlertType.NO_SESSION_14_DAYS);

    private DisengagementRule() {
    }

    /** The absence alert due at {@code now}, if any: the longer silence wins. */
    public static Optional<AlertType> due(Instant lastSessionAt, Instant now) {
        Duration silence = Duration.between(lastSessionAt, now);
        if (silence.compareTo(Disengagement.LONG_DISENGAGED) >= 0) {
            return Optional.of(AlertType.NO_SESSION_14_DAYS);
        }
        if (silence.compareTo(Disengagement.DISENGAGED) >= 0) {
            return Optional.of(AlertType.NO_SESSION_3_DAYS);
        }
        return Optional.empty();
    }

    static Duration lengthOf(AlertType type) {
        return type == AlertType.NO_SESSION_14_DAYS ? Disengagement.LONG_DISENGAGED : Disengagement.DISENGAGED;
    }

    /** What the sweep does for one patient whose last session was at {@code lastSessionAt}. */
    public static List<AlertDecision> decide(String clinicId, String patientId, Instant lastSessionAt, Instant now, OpenAlerts open) {
        List<AlertDecision> decisions = new ArrayList<>();
        for (AlertType type : TYPES) {
            open.get(type).filter(absence -> absence.since().isBefore(lastSessionAt)).ifPresent(ended ->
                    decisions.add(new AlertDecision.Resolve(type, ended.alertId(), AlertResolution.SESSION_LOGGED, null)));
        }
        Optional<AlertType> due = due(lastSessionAt, now);
        if (due.isEmpty()) {
            return decisions;
        }
        AlertType type = due.get();
        var identity = new AlertIdentity(clinicId, patientId, type, AlertIdentity.after(lastSessionAt));
        boolean alreadyOpen = open.get(type).filter(o -> o.alertId().equals(identity.alertId())).isPresent();
        if (!alreadyOpen) {
            Duration length = lengthOf(type);
            decisions.add(new AlertDecision.Raise(identity, lastSessionAt.plus(length), null, null,
                    "No session for " + length.toDays() + " days, since " + lastSessionAt.atZone(ZoneOffset.UTC).toLocalDate(),
                    lastSessionAt, null));
        }
        if (type == AlertType.NO_SESSION_14_DAYS) {
            open.get(AlertType.NO_SESSION_3_DAYS).filter(shorter -> shorter.since().equals(lastSessionAt)).ifPresent(shorter ->
                    decisions.add(new AlertDecision.Resolve(AlertType.NO_SESSION_3_DAYS, shorter.alertId(), AlertResolution.SUPERSEDED, null)));
        }
        return decisions;
    }
}
