package org.backtrack.progress.alerts.web;

import org.backtrack.progress.alerts.Alert;

/** A second acknowledgement: 409, saying who acknowledged the alert and when. */
final class AlertAlreadyAcknowledgedException extends RuntimeException {

    private final Alert alert;

    AlertAlreadyAcknowledgedException(Alert alert) {
        super("Alert " + alert.alertId() + " was acknowledged by " + alert.acknowledgement().by() + " at " + alert.acknowledgement().at());
        this.alert = alert;
    }

    Alert alert() {
        return alert;
    }
}
