package org.backtrack.progress.alerts;

/** A second acknowledgement: 409, saying who acknowledged the alert and when. */
public final class AlertAlreadyAcknowledgedException extends RuntimeException {

    private final Alert alert;

    public AlertAlreadyAcknowledgedException(Alert alert) {
        super("Alert " + alert.alertId() + " was acknowledged by " + alert.acknowledgement().by() + " at " + alert.acknowledgement().at());
        this.alert = alert;
    }

    public Alert alert() {
        return alert;
    }
}
