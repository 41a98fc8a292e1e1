package org.backtrack.progress.webhooks;

/** A redelivery asked for while the delivery is being sent. */
public class DeliveryInFlightException extends RuntimeException {

    private final String deliveryId;

    public DeliveryInFlightException(String deliveryId) {
        super("Delivery " + deliveryId + " is being sent right now; ask again once it is done");
        this.deliveryId = deliveryId;
    }

    public String deliveryId() {
        return deliveryId;
    }
}
