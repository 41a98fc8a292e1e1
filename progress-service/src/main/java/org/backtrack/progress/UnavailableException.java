package org.backtrack.progress;

/**
 * Something the caller named by id that is not there for them (another clinic's answers like an unknown one), or not
 * free to act on right now. It carries what it is ({@link Reason}) and the id; progress-service's problem advice answers
 * each reason with its status, title and the id under its field name.
 */
public class UnavailableException extends RuntimeException {

    /** What is unavailable, and why. */
    public enum Reason { ALERT_NOT_FOUND, WEBHOOK_NOT_FOUND, DELIVERY_NOT_FOUND, DELIVERY_IN_FLIGHT }

    private final Reason reason;
    private final String id;

    private UnavailableException(Reason reason, String id, String message) {
        super(message);
        this.reason = reason;
        this.id = id;
    }

    /** No alert with this id in the caller's clinic (another clinic's included), or not one of a patient's own. */
    public static UnavailableException alertNotFound(String alertId) {
        return new UnavailableException(Reason.ALERT_NOT_FOUND, alertId, "No alert " + alertId + " in your clinic");
    }

    /** No webhook of this id in the caller's clinic (another clinic's is answered the same way). */
    public static UnavailableException webhookNotFound(String webhookId) {
        return new UnavailableException(Reason.WEBHOOK_NOT_FOUND, webhookId, "No webhook " + webhookId + " in your clinic");
    }

    /** No delivery of this id for this webhook. */
    public static UnavailableException deliveryNotFound(String deliveryId) {
        return new UnavailableException(Reason.DELIVERY_NOT_FOUND, deliveryId, "No delivery " + deliveryId + " of this webhook");
    }

    /** A redelivery asked for while the delivery is being sent. */
    public static UnavailableException deliveryInFlight(String deliveryId) {
        return new UnavailableException(Reason.DELIVERY_IN_FLIGHT, deliveryId,
                "Delivery " + deliveryId + " is being sent right now; ask again once it is done");
    }

    public Reason reason() {
        return reason;
    }

    /** The id the caller named. */
    public String id() {
        return id;
    }
}
