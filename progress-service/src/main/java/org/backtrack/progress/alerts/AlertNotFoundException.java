package org.backtrack.progress.alerts;

/** No alert with this id in the caller's clinic (another clinic's included), or not one of a patient's own: 404. */
public final class AlertNotFoundException extends RuntimeException {

    private final String alertId;

    public AlertNotFoundException(String alertId) {
        super("No alert " + alertId + " in your clinic");
        this.alertId = alertId;
    }

    public String alertId() {
        return alertId;
    }
}
