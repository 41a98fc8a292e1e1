package org.backtrack.progress.alerts.rules;

import org.backtrack.events.AlertResolution;
import org.backtrack.events.AlertStatus;
import org.backtrack.events.AlertType;

import java.util.Optional;
import java.util.Set;

/**
 * How an alert moves: raised OPEN; a clinician's acknowledgement (once) records who saw it and makes it ACKNOWLEDGED;
 * it is RESOLVED by its type's rule (see {@link AlertType#resolvesBy()}). A red flag resolves by the acknowledgement
 * alone; every other type by what later sessions (or their absence) show, acknowledged or not.
 */
public final class AlertLifecycle {

    /** Types of which a patient has at most one unresolved episode, which later sessions continue or resolve. */
    static final Set<AlertType> TRACKED = Set.of(AlertType.SHARP_PAIN, AlertType.PAIN_SPIKE, AlertType.WORSENING,
            AlertType.NO_SESSION_3_DAYS, AlertType.NO_SESSION_14_DAYS);

    private AlertLifecycle() {
    }

    /**
     * Whether a type has at most one unresolved episode per patient, continued by later sessions until it resolves.
     * A red flag is not: every red-flag session is an alert of its own, resolved only by a clinician.
     */
    public static boolean tracked(AlertType type) {
        return TRACKED.contains(type);
    }

    /** Whether acknowledging an alert of this type resolves it: only red flags, which nothing else may resolve. */
    public static boolean resolvesOnAcknowledgement(AlertType type) {
        return type == AlertType.RED_FLAG_SYMPTOM;
    }

    /**
     * The status of an alert after a clinician acknowledged it.
     *
     * @param resolvedBefore it had resolved before the acknowledgement (a sign that cleared unseen)
     */
    public static AlertStatus statusAfterAcknowledgement(AlertType type, boolean resolvedBefore) {
        return resolvedBefore || resolvesOnAcknowledgement(type) ? AlertStatus.RESOLVED : AlertStatus.ACKNOWLEDGED;
    }

    /** How the acknowledgement resolves the alert, when it does. */
    public static Optional<AlertResolution> resolutionByAcknowledgement(AlertType type, boolean resolvedBefore) {
        return !resolvedBefore && resolvesOnAcknowledgement(type) ? Optional.of(AlertResolution.ACKNOWLEDGED) : Optional.empty();
    }

    /** The status of an alert from what happened to it. */
    public static AlertStatus status(boolean acknowledged, boolean resolved) {
        return resolved ? AlertStatus.RESOLVED : acknowledged ? AlertStatus.ACKNOWLEDGED : AlertStatus.OPEN;
    }
}
