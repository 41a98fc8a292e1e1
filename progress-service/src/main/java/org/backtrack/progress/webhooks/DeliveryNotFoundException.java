package org.backtrack.progress.webhooks;

/** No delivery of this id for this webhook. */
public class DeliveryNotFoundException extends RuntimeException {

    private final String deliveryId;

    public DeliveryNotFoundException(String deliveryId) {
        super("No delivery " + deliveryId + " of this webhook");
        this.deliveryId = deliveryId;
    }

    public String deliveryId() {
        return deliveryId;
    }
}
