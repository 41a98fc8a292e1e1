package org.backtrack.progress.alerts.web;

/** No alert with this id in the caller's clinic (another clinic's included), or not one of a patient's own: 404. */
final class AlertNotFoundException extends RuntimeException {

    private final String alertId;

    AlertNotFoundException(String alertId) {
        super("No alert " + alertId + " in your clinic");
        this.alertId = alertId;
    }

    String alertId() {
        return alertId;
    }
}
